// k6/secrets' documented example: two mock sources, one the default.
import secrets from 'k6/secrets';

export default async () => {
  const my_secret = await secrets.get('cool'); // get secret from a source with the provided identifier
  console.log(my_secret == 'not cool!');
  const anothersource = await secrets.source('another').get('cool'); // get secret from a source with the provided identifier
  console.log(anothersource == 'cool');
  console.log(my_secret);
};
