import IORDomain
import IORStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CommandTable {
  static let outputCommands: [CommandSpec] = [
    .command(
      "summary", group: "Reports and batch",
      summary: "the annual summary of every partner (or one) for a fiscal year",
      details: "As of 30 September of the fiscal year: program dynamics, reviews of the last"
        + " three fiscal years, warrants served and CRCL complaints. Without a year, the last"
        + " completed fiscal year. See docs/summary.md for every field.",
      options: [
        .optional("format", .choice(["table", "md", "csv", "json"])),
        .optional("partner", .partnerID),
        .optional("to", .file),
      ],
      examples: [
        "summary fy 2025", "summary fy 2025 format=csv",
        "summary fy 2025 partner lake-so format=md",
      ],
      takesRest: true, run: Outputs.summary),
    .command(
      "due", group: "Reports and batch", summary: "what needs doing, most urgent first",
      details: "Reviews due or overdue (every 2 years), request forms to send (28-42 days before"
        + " the inspection) or missed, late findings reports, overdue corrective actions, lapsed"
        + " training, missed steering committee meetings. See docs/summary.md.",
      options: [.optional("within", .count), .optional("format", .choice(OutputTable.formats))],
      examples: ["due", "due within=90 format=csv"], run: Outputs.due),
    .command(
      "report", group: "Reports and batch", summary: "write a review document",
      details: "Documents: request (the request form), questionnaire, findings (the findings"
        + " report), cap (the corrective action plan), closeout (the close-out memorandum)."
        + " Every document carries the store's handling marking at top and bottom.",
      positionals: [.required("document", .choice(ReviewDocument.allCases.map(\.rawValue)))],
      options: [
        .optional("format", .choice(DocumentFormat.allCases.map(\.rawValue))),
        .optional("to", .file),
        .optional("review", .reviewID),
      ],
      examples: ["report findings format=md", "report closeout format=html to=closeout.html"],
      context: .review, run: Outputs.report),
    .command(
      "export", group: "Reports and batch", summary: "the whole store as one JSON bundle",
      options: [.optional("to", .file)], examples: ["export to=backup.json"], run: Outputs.export),
    .command(
      "import", group: "Reports and batch", summary: "load an export bundle into an empty store",
      positionals: [.required("file", .file)], examples: ["import backup.json"], locksStore: false,
      run: Outputs.importBundle),
  ]
}

/// The batch outputs: summary, due, review documents, export and import.
@MainActor
enum Outputs {
  static func summary(_ invocation: Invocation) throws {
    var words = invocation.rest[...]
    var year: FiscalYear?
    var partnerID = invocation.value("partner")
    while let word = words.popFirst() {
      switch word.lowercased() {
      case "fy":
        guard let next = words.popFirst() else {
          throw ShellError.missingValue(command: "summary fy", name: "a year")
        }
        year = try fiscalYear(next)
      case "partner":
        guard let next = words.popFirst() else {
          throw ShellError.missingValue(command: "summary partner", name: "a partner id")
        }
        partnerID = next
      default:
        year = try fiscalYear(word)
      }
    }
    let workspace = invocation.workspace
    let fiscalYear = year ?? FiscalYear.lastCompleted(before: invocation.session.options.today)
    if let partnerID {
      let partner = try workspace.partner(partnerID)
      if let reason = AnnualSummary.exclusionReason(
        for: partner,
        fiscalYear: year
          ?? FiscalYear.lastCompleted(before: invocation.session.options.today))
      {
        throw ShellError.refused("partner '\(partnerID)' is not in the FY summary: \(reason)")
      }
    }
    // Reviews first, then partners, one document at a time: a national store is never held
    // in memory whole.
    var builder = AnnualSummary.Builder(fiscalYear: fiscalYear, only: partnerID)
    let damagedReviews = try workspace.forEachReview { builder.add($0) }
    let damagedPartners = try workspace.forEachPartner { builder.add($0) }
    CommandTable.reportDamaged(damagedPartners + damagedReviews, invocation)
    let summary = builder.summary
    let text: String
    switch invocation.options["format"] ?? invocation.session.options.format ?? "table" {
    case "json": text = JSONWriter.pretty(summary.json)
    case "csv": text = summary.csv()
    case "md": text = summary.markdown(marking: invocation.session.marking)
    default: text = summary.table()
    }
    try deliver(text, invocation)
  }

  private static func fiscalYear(_ text: String) throws -> FiscalYear {
    try Session.check(text, as: .fiscalYear, name: "fy")
    let digits = text.lowercased().hasPrefix("fy") ? String(text.dropFirst(2)) : text
    return FiscalYear(Int(digits) ?? 0)
  }

  static func due(_ invocation: Invocation) throws {
    let workspace = invocation.workspace
    let today = invocation.session.options.today
    let within = Int(invocation.value("within") ?? "") ?? 180
    var builder = DueList.Builder(today: today, within: within)
    let damagedReviews = try workspace.forEachReview { builder.add($0) }
    let damagedPartners = try workspace.forEachPartner { builder.add($0) }
    CommandTable.reportDamaged(damagedPartners + damagedReviews, invocation)
    let items = builder.items
    switch invocation.format {
    case "json":
      invocation.session.console.out(
        JSONWriter.pretty(DueList.json(items, today: today, within: within)))
    case "csv": invocation.session.console.out(DueList.csv(items))
    case "md": invocation.session.console.out(DueList.markdown(items))
    default: invocation.session.console.out(DueList.table(items))
    }
  }

  static func report(_ invocation: Invocation) throws {
    let workspace = invocation.workspace
    let review = try workspace.review(try invocation.reviewID())
    let partner = try workspace.partner(review.partner)
    let document = ReviewDocument(rawValue: try invocation.required("document")) ?? .findings
    let format = DocumentFormat(rawValue: invocation.value("format") ?? "text") ?? .text
    let text = ReviewReport.render(
      document, format: format, review: review, partner: partner,
      marking: invocation.session.marking, today: invocation.session.options.today)
    try deliver(text, invocation)
  }

  static func export(_ invocation: Invocation) throws {
    let bundle = try invocation.session.store.exportBundle()
    try deliver(JSONWriter.pretty(bundle), invocation)
  }

  static func importBundle(_ invocation: Invocation) throws {
    let session = invocation.session
    if session.runTransaction != nil {
      throw ShellError.refused("import cannot run inside an --atomic or --dry-run run")
    }
    let path = session.resolvePath(try invocation.required("file"))
    let text = try TextFile.read(path)
    let bundle: JSONValue
    do {
      bundle = try JSONParser.parse(text)
    } catch {
      throw ShellError.fileError(
        path: path, reason: "line \(error.line), column \(error.column): \(error.reason)")
    }
    let count = try session.store.importBundle(bundle, command: invocation.source)
    invocation.note("imported \(count) documents")
  }

  /// Prints `text`, or writes it to `to=FILE` (atomically, mode 0600: reports hold sensitive
  /// data).
  static func deliver(_ text: String, _ invocation: Invocation) throws {
    guard let target = invocation.value("to") else {
      invocation.session.console.out(text)
      return
    }
    // Output files are named relative to the current folder, like a shell redirection, even
    // inside a script: a report must not land in the scripts folder by surprise.
    let path = target
    try OutputFile.refuseInsideStore(path, store: invocation.session.store.root)
    if invocation.session.options.dryRun {
      invocation.note("would write \(path) (\(text.utf8.count) bytes)")
      return
    }
    try OutputFile.write(text, to: path)
    invocation.note("wrote \(path)")
  }
}

/// Writes output files whole: a temporary file beside the target, then a rename.
enum OutputFile {
  /// Refuses a `to=` file inside the store's folder: written there it could replace a document
  /// behind the journal's back, or be taken for one.
  static func refuseInsideStore(_ path: String, store: String) throws {
    let folder =
      path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
    guard let target = TextFile.realPath(folder.isEmpty ? "/" : folder),
      let root = TextFile.realPath(store)
    else { return }
    if target == root || target.hasPrefix(root + "/") {
      throw ShellError.refused(
        "'\(path)' is inside the store; write reports and exports to a folder outside it")
    }
  }

  static func write(_ text: String, to path: String) throws {
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw ShellError.fileError(path: path, reason: String(cString: strerror(errno)).lowercased())
    }
    let bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress.map { $0 + done }, bytes.count - done)
      }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        let reason = String(cString: strerror(errno)).lowercased()
        close(descriptor)
        unlink(temporary)
        throw ShellError.fileError(path: path, reason: reason)
      }
      done += count
    }
    fsync(descriptor)
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno)).lowercased()
      unlink(temporary)
      throw ShellError.fileError(path: path, reason: reason)
    }
  }
}
