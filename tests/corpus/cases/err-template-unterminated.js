let x = `unterminated

