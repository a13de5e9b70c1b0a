/* The global object under its ES2020 name; k6's default "extended"
 * compatibility mode also calls it "global". */
var globalThis = this;
var global = this;
