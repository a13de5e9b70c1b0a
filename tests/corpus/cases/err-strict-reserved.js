export default function () {
  var public = 1;
}
