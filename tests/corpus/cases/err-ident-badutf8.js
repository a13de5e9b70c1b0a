// Bytes that are not UTF-8 are not an identifier.
var aÿ = 1;
