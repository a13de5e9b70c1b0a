console.log(JSON.stringify(Array.of(7)), JSON.stringify(Array.of(1, 2, 3)), Array.of().length, JSON.stringify(Array.of(undefined)));
