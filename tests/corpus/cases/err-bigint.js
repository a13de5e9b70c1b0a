const big = 12n;
