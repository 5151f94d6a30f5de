/// The inline style sheet of the HTML documents: an A4/Letter-safe page with the handling
/// marking in the page margins, highlighted NPM fields that keep their colour in print.
enum HTMLStyle {
  /// The style sheet, with `marking` in each printed page's top and bottom margin.
  static func sheet(marking: String) -> String {
    let content = cssString(ReportText.inline(marking))
    return """
      @page {
        size: letter;
        margin: 2cm 2cm 2.2cm 2cm;
        @top-center { content: \(content); font: bold 9pt sans-serif; }
        @bottom-center { content: \(content); font: bold 9pt sans-serif; }
      }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { font: 11pt/1.4 Georgia, "Times New Roman", serif; color: #111; max-width: 46em;
        margin: 1.5em auto; padding: 0 1em; }
      .marking { text-align: center; font: bold 10pt sans-serif; letter-spacing: 0.1em;
        margin: 0.5em 0; }
      header { border-bottom: 2px solid #111; margin-bottom: 1em; }
      h1 { font-size: 16pt; margin: 0.4em 0 0.2em; }
      h2 { font-size: 13pt; margin: 1.2em 0 0.4em; border-bottom: 1px solid #999; }
      h3 { font-size: 11.5pt; margin: 1em 0 0.3em; }
      h4, h5, h6 { font-size: 11pt; margin: 0.8em 0 0.2em; }
      h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
      .subtitle { font-size: 12pt; margin: 0 0 0.4em; }
      .draft { font: bold 12pt sans-serif; color: #a00; margin: 0 0 0.6em; }
      .notice { font-weight: bold; border-left: 4px solid #a00; padding-left: 0.5em; }
      table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; }
      tr { page-break-inside: avoid; break-inside: avoid; }
      th, td { text-align: left; vertical-align: top; padding: 0.2em 0.4em; }
      table.fields th { width: 32%; font-weight: bold; }
      table.grid th, table.grid td { border: 1px solid #777; }
      table.grid thead th { background: #e6e6e6; }
      tr.npm th, tr.npm td { background: #fff2a8; }
      .npm-label { font: bold 8pt sans-serif; }
      .on-record { font-style: italic; color: #444; font-size: 9pt; }
      .absent { color: #555; }
      td.blank { height: 1.6em; min-width: 6em; border-bottom: 1px solid #111; }
      @media print { body { margin: 0; max-width: none; } }
      """
  }

  // A CSS string that no text can break out of: everything but letters, digits and spaces is
  // written as a hexadecimal escape, so `"`, `\` and `</style>` cannot end it early.
  private static func cssString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      let plain = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " "
      if plain && scalar.isASCII {
        out.append(String(scalar))
      } else {
        out += "\\" + String(scalar.value, radix: 16) + " "
      }
    }
    return out + "\""
  }
}
