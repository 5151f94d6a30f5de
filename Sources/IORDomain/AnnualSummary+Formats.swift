import IORStore

extension AnnualSummary {
  /// What table and Markdown output show for a value that is not on record.
  public static let notRecorded = "not recorded"

  // MARK: JSON

  /// The summary as JSON: `fy`, `asOf` and `partners`, each partner with every field of the
  /// guidance; a value not on record is `null`. Render it with `JSONWriter.pretty`.
  public var json: JSONValue {
    .object([
      "fy": .int(fiscalYear.year),
      "asOf": .string(asOf.description),
      "partners": .array(partners.map { $0.json(years: years) }),
    ])
  }

  // MARK: CSV

  /// The CSV column names, the three-year figures named with their year (`warrants_fy2024`).
  public var csvColumns: [String] {
    let fields = [
      "id", "name", "fpm_name", "fpm_title", "sddo", "current_wsos", "last_site_visit",
      "moa_signed", "last_steering_committee", "next_steering_committee",
    ]
    return fields + years.map { "warrants_fy" + String($0.year) } + ["reviews", "reviews_detail"]
      + years.map { "complaints_fy" + String($0.year) }
  }

  /// The summary as CSV: a header row, then one row per partner (see `csvColumns`), CR LF
  /// line endings. A value not on record is an empty cell.
  public func csv() -> String {
    var out = CSVText.header(csvColumns)
    for partner in partners { out += CSVText.row(partner.csvCells) }
    return out
  }

  // MARK: Markdown

  /// The summary as Markdown for the annual report: a heading per partner, program dynamics
  /// as a two-column table, the reviews table and the complaints table. `marking` (such as
  /// `CUI`) is written in bold as the first and the last line; an empty marking writes none.
  public func markdown(marking: String) -> String {
    let marking = marking.isEmpty ? "" : "**" + SafeText.markdownCell(marking) + "**"
    var lines: [String] = marking.isEmpty ? [] : [marking, ""]
    lines.append("# Annual summary \(fiscalYear) (as of \(asOf))")
    if partners.isEmpty {
      lines += ["", "No partners to summarize."]
    }
    for partner in partners { lines += [""] + partner.markdownLines(years: years) }
    if !marking.isEmpty { lines += ["", marking] }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: Table

  /// The summary as readable cards for the terminal, one per partner, labels aligned.
  public func table() -> String {
    var lines = ["Annual summary \(fiscalYear), as of \(asOf)"]
    if partners.isEmpty {
      lines += ["", "No partners to summarize."]
    }
    for partner in partners { lines += [""] + partner.tableLines(years: years) }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension PartnerSummary {
  // MARK: JSON

  func json(years: [FiscalYear]) -> JSONValue {
    var fpm = JSONValue.null
    if fpmName != nil || fpmTitle != nil {
      fpm = .object(["name": .optional(fpmName), "title": .optional(fpmTitle)])
    }
    return .object([
      "id": .string(id), "name": .string(name), "fpm": fpm, "sddo": .optional(sddo),
      "currentWSOs": .optional(currentWSOs),
      "lastSiteVisit": .optional(lastSiteVisit?.description),
      "moaSigned": .optional(moaSigned?.description),
      "lastSteeringCommittee": .optional(lastSteeringCommittee?.description),
      "nextSteeringCommittee": .optional(nextSteeringCommittee?.description),
      "warrantsServed": Self.byYear(warrantsServed, years: years),
      "reviews": .array(reviews.map(\.json)),
      "crclComplaints": Self.byYear(crclComplaints, years: years),
    ])
  }

  private static func byYear(_ values: [Int?], years: [FiscalYear]) -> JSONValue {
    var members: [String: JSONValue] = [:]
    for (year, value) in zip(years, values) { members[String(year.year)] = .optional(value) }
    return .object(members)
  }

  // MARK: CSV

  var csvCells: [CSVText.Cell] {
    var cells: [CSVText.Cell] = [
      .text(id), .text(name), .text(fpmName), .text(fpmTitle), .text(sddo),
      .number(currentWSOs), .date(lastSiteVisit), .date(moaSigned),
      .date(lastSteeringCommittee), .date(nextSteeringCommittee),
    ]
    cells += warrantsServed.map { .number($0) }
    cells += [.number(reviews.count), .text(reviews.map(\.detail).joined(separator: "; "))]
    cells += crclComplaints.map { .number($0) }
    return cells
  }

  // MARK: Program dynamics, as label and value

  /// The program dynamics rows: label, and value already made safe by `safe`.
  func dynamics(years: [FiscalYear], safe: (String) -> String) -> [(String, String)] {
    func text(_ value: String?) -> String { value.map(safe) ?? AnnualSummary.notRecorded }
    func show(_ value: CustomStringConvertible?) -> String {
      value.map(\.description) ?? AnnualSummary.notRecorded
    }
    var rows: [(String, String)] = [
      ("FPM/POC name", text(fpmName)), ("FPM/POC title", text(fpmTitle)),
      ("Assisting SDDO", text(sddo)), ("Current WSOs", show(currentWSOs)),
      ("NPM last site visit", show(lastSiteVisit)), ("Initial MOA signed", show(moaSigned)),
      ("Last steering committee", show(lastSteeringCommittee)),
      ("Next steering committee", show(nextSteeringCommittee)),
    ]
    for (year, count) in zip(years, warrantsServed) {
      rows.append(("Warrants served \(year)", show(count)))
    }
    return rows
  }

  /// The reviews as rows of cells (id and type are safe: ids are validated, types fixed).
  func reviewRows(safe: (String) -> String) -> [[String]] {
    reviews.map { review in
      [
        safe(review.id), review.fiscalYear.description, review.kind.rawValue,
        String(review.deficiencies), String(review.areasOfConcern),
        review.closedOn.map { "yes, " + $0.description } ?? "no",
      ]
    }
  }

  static let reviewHeaders = [
    "Review", "FY", "Type", "Deficiencies", "Areas of concern", "Closed out",
  ]

  // MARK: Markdown

  func markdownLines(years: [FiscalYear]) -> [String] {
    var lines = ["## \(SafeText.markdownCell(name)) (\(SafeText.markdownCell(id)))", ""]
    lines.append("### Program dynamics")
    lines.append("")
    let dynamicsRows = dynamics(years: years, safe: SafeText.markdownCell).map { [$0.0, $0.1] }
    lines += TextTable.markdown(headers: ["Field", "Value"], rows: dynamicsRows)
    lines += ["", "### Internal oversight reviews, \(years[0]) to \(years[years.count - 1])", ""]
    if reviews.isEmpty {
      lines.append("No review inspected in these years is on record.")
    } else {
      lines += TextTable.markdown(
        headers: Self.reviewHeaders, rows: reviewRows(safe: SafeText.markdownCell),
        rightAligned: [3, 4])
    }
    lines += ["", "### Complaints reported through the 287(g) HQ unit to CRCL", ""]
    let counts = crclComplaints.map { $0.map { String($0) } ?? AnnualSummary.notRecorded }
    lines += TextTable.markdown(
      headers: years.map(\.description), rows: [counts], rightAligned: Set(years.indices))
    return lines
  }

  // MARK: Table

  func tableLines(years: [FiscalYear]) -> [String] {
    var lines = ["\(SafeText.terminal(id))  \(SafeText.terminal(name))"]
    var rows = dynamics(years: years, safe: SafeText.terminal)
    for (year, count) in zip(years, crclComplaints) {
      rows.append(
        ("CRCL complaints \(year)", count.map { String($0) } ?? AnnualSummary.notRecorded))
    }
    let width = rows.map(\.0.count).max() ?? 0
    lines += rows.map { "  " + TextTable.pad($0.0, to: width) + "  " + $0.1 }
    let span = "\(years[0]) to \(years[years.count - 1])"
    if reviews.isEmpty {
      lines.append("  Reviews, \(span): none on record")
    } else {
      lines.append("  Reviews, \(span):")
      lines += TextTable.terminal(
        headers: Self.reviewHeaders, rows: reviewRows(safe: SafeText.terminal),
        rightAligned: [3, 4], indent: "    ")
    }
    return lines
  }
}

extension ReviewSummary {
  /// The review as a JSON object: id, fy, type, deficiencies, areasOfConcern, closedOut,
  /// closedOn.
  var json: JSONValue {
    .object([
      "id": .string(id), "fy": .int(fiscalYear.year), "type": .string(kind.rawValue),
      "deficiencies": .int(deficiencies), "areasOfConcern": .int(areasOfConcern),
      "closedOut": .bool(closedOut), "closedOn": .optional(closedOn?.description),
    ])
  }

  /// The review in one CSV cell: `lake-so-2025 program D2 C1 open`, or `... closed 2025-11-20`.
  var detail: String {
    "\(id) \(kind.rawValue) D\(deficiencies) C\(areasOfConcern) "
      + (closedOn.map { "closed " + $0.description } ?? "open")
  }
}
