/**
 * Free text (a purpose, a source title) as a literal Terraform string. In Terraform JSON every string value is a
 * template, so a `${` or `%{` in the text would be read as an interpolation or a directive and fail at plan;
 * `$${` and `%%{` render as the characters themselves. Needed wherever the provider's character set keeps `$`,
 * `%` or braces (AWS security group descriptions, GCP descriptions, Terraform output values).
 */
export function terraformLiteral(text: string): string {
  return text.replace(/([$%])\{/g, '$1$1{');
}
