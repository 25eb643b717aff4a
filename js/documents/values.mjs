// What a table's value cell looks like in extracted text: a number (thousands separators, a
// decimal part, a unit the columns allow) or a blank marker. A label's item number ("1.") is not.
export const VALUE =
  /^(?:[-+]?[\d０-９]+(?:[,，][\d０-９]{3})*(?:[.．][\d０-９]+)?\s*(?:万元|元|件|个|项|条)?|[-—－–/／]+|无)$/;
