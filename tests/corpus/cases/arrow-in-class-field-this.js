class Btn {
  label = 'ok';
  onClick = () => this.label.toUpperCase();
}
const { onClick } = new Btn();
console.log(onClick());
