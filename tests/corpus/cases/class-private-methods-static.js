class T {
  static #secret() { return 's'; }
  static reveal() { return T.#secret(); }
  #priv = 'p';
  #get() { return this.#priv; }
  read() { return this.#get(); }
}
console.log(T.reveal(), new T().read());
