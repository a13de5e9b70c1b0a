class Config {
  static values = [];
  static {
    this.values.push('a');
    Config.values.push('b');
  }
  static count = Config.values.length;
}
console.log(Config.values.join(','), Config.count);
