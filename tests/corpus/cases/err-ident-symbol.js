// A symbol is not an identifier character.
var a = 1;
var € = 2;
