import IORDomain
import IORStore

/// The readable cards `show partner`, `show review`, `show finding` and `status` print.
enum PartnerCard {
  /// The `show partner` card. A scheduled steering committee date that has passed with no
  /// meeting on record is shown as what it is (`2025-08-12 (passed; no meeting recorded
  /// since)`), not as "not recorded"; the summary keeps its own as-of rule.
  static func render(_ partner: Partner, today: LocalDate) -> Card {
    var card = Card()
    card.heading("\(partner.id): \(partner.name)")
    card.row("state", partner.state)
    card.row("field office", partner.fieldOffice)
    card.row("status", partner.status.rawValue + (partner.ended.map { " (ended \($0))" } ?? ""))
    card.row(
      "FPM/POC", [partner.fpmName, partner.fpmTitle].compactMap { $0 }.joined(separator: ", "))
    card.row("SDDO", partner.sddo)
    card.row("MOA signed", partner.moaSigned?.description)
    card.row(
      "MOA outline", partner.moaOutline.map { "\($0.version) (\($0.sections.count) sections)" })
    card.row("current WSOs", String(partner.currentOfficers(on: today).count))
    card.row("last site visit", partner.lastVisit(onOrBefore: today)?.description)
    card.row("last steering committee", partner.lastMeeting(onOrBefore: today)?.description)
    card.row(
      "next steering committee",
      partner.nextMeeting(after: today)?.description
        ?? partner.missedMeeting(before: today).map { "\($0) (passed; no meeting recorded since)" })
    let warrants = partner.warrantsServed.keys.sorted().map {
      "FY\($0): \(partner.warrantsServed[$0] ?? 0)"
    }
    card.row("warrants served", warrants.joined(separator: ", "))
    card.section("officers")
    for officer in partner.officers {
      card.line(
        "\(officer.id)  \(officer.name), authorized \(officer.authorized)"
          + (officer.trained.map { ", trained \($0)" } ?? "")
          + (officer.status == .inactive
            ? ", inactive" + (officer.ended.map { " since \($0)" } ?? "") : ""))
    }
    card.section("site visits")
    for visit in partner.visits {
      card.line("\(visit.id)  \(visit.date)" + (visit.npm.map { " (\($0))" } ?? ""))
    }
    card.section("steering committee meetings")
    for meeting in partner.meetings { card.line("\(meeting.id)  \(meeting.date)") }
    card.section("CRCL complaints")
    for complaint in partner.complaints {
      card.line(
        "\(complaint.reference)  \(complaint.date)"
          + (complaint.disposition.map { ", \($0.rawValue)" } ?? "")
          + (complaint.summary.map { ": \($0)" } ?? ""))
    }
    return card
  }
}

enum ReviewCard {
  static func render(_ review: Review) -> Card {
    var card = Card()
    card.heading("\(review.id): \(review.kind.rawValue) review of \(review.partner)")
    card.row("focus", review.focus)
    card.row("NPM", review.npm)
    card.row("stage", review.stage.title)
    card.row("inspection", review.inspection.description + " (\(review.fiscalYear))")
    card.row("request sent", review.requestSent?.description)
    card.row("request returned", review.requestReceived?.description)
    card.row("report issued", review.reportIssued?.description)
    card.row("plan accepted", review.planAccepted?.description)
    card.row("closed out", review.closedOut?.description)
    card.row("close-out reason", review.closeoutReason)
    card.row("answers", "\(review.answers.count) recorded")
    card.section("findings")
    for finding in review.findings {
      card.line(
        "\(finding.id)  \(finding.title)" + (finding.citation.map { " [\($0)]" } ?? "")
          + (finding.repeatOf.map { " (repeat of \($0))" } ?? ""))
    }
    card.section("corrective actions")
    for action in review.actions {
      card.line(
        "\(action.id)  \(action.finding): \(action.plan)" + (action.due.map { ", due \($0)" } ?? "")
          + (action.completed.map { ", completed \($0)" } ?? ", open"))
    }
    return card
  }

  static func finding(_ finding: Finding, in review: Review) -> Card {
    var card = Card()
    card.heading("\(finding.id): \(finding.title)")
    card.row("kind", finding.kind == .deficiency ? "deficiency" : "area of concern")
    card.row(
      "citation", finding.citation.map { $0 + (finding.citationTitle.map { " (\($0))" } ?? "") })
    card.row("repeat of", finding.repeatOf)
    card.row("detail", finding.detail)
    card.row("recommendation", finding.recommendation)
    card.row("answers", finding.answers.joined(separator: ", "))
    for action in review.actions(for: finding.id) {
      card.row(
        action.id, action.plan + (action.completed.map { " (completed \($0))" } ?? " (open)"))
    }
    return card
  }

  static func count(_ number: Int, _ one: String, _ many: String) -> String {
    "\(number) " + (number == 1 ? one : many)
  }

  static func nextSteps(_ review: Review, today: LocalDate) -> [String] {
    let windowOpens = review.inspection.adding(days: -42)
    let windowCloses = review.inspection.adding(days: -28)
    switch review.stage {
    case .planned:
      return ["send the request form between \(windowOpens) and \(windowCloses): send request DATE"]
    case .requestSent:
      return ["record the request form's return: receive request DATE"]
    case .fieldwork:
      let unanswered = QuestionBank.all.filter { review.answers[$0.id] == nil }.count
      let questionnaire =
        unanswered == 0
        ? []
        : [
          "ask the questionnaire: \(unanswered) questions unanswered (questions; answer ID \"...\")"
        ]
      return questionnaire + [
        "record findings (add deficiency, add concern), then issue the report: issue report DATE"
      ]
    case .reportIssued, .correctiveAction:
      let open = review.openDeficiencies.map { finding -> String in
        review.actions(for: finding.id).isEmpty
          ? "\(finding.id): add action \(finding.id) \"...\""
          : "\(finding.id): complete its action (set action ID completed=DATE)"
      }
      let accept =
        review.stage == .reportIssued
        ? ["record HQ's acceptance of the plan: accept plan DATE"] : []
      return accept + open + ["close out: closeout DATE"]
    case .closed:
      return ["nothing: closed out on \(review.closedOut?.description ?? "")"]
    }
  }
}

/// Aligned label-value lines with headed sections, for the terminal; the same entries as
/// field-value rows for `format=csv|md|json`.
struct Card {
  private(set) var text = ""
  /// Every value shown, under its label (a section's lines under the section's title).
  private(set) var entries: [(field: String, value: String?)] = []
  private var section = ""

  mutating func heading(_ title: String) {
    text += SafeText.terminal(title) + "\n"
    entries.append(("title", title))
  }

  /// A label and its value; a value of several lines goes on under the first, aligned.
  mutating func row(_ label: String, _ value: String?) {
    let value = value.flatMap { $0.isEmpty ? nil : $0 }
    let gap = max(1, 26 - label.count)
    let indent = "\n" + String(repeating: " ", count: 3 + label.count + gap)
    text +=
      "  " + label + ":" + String(repeating: " ", count: gap)
      + SafeText.multiline(value ?? "not recorded").replacingAll("\n", with: indent) + "\n"
    entries.append((label, value))
  }

  mutating func section(_ title: String) {
    text += "  \(title):\n"
    section = title
  }

  mutating func line(_ value: String) {
    text += "    " + SafeText.terminal(value) + "\n"
    entries.append((section, value))
  }

  /// The card in `format`: as printed for `table`, else a field-value table (a value not on
  /// record is empty in CSV and Markdown, null in JSON).
  func output(_ format: String) -> String {
    guard format != "table" else { return text }
    var table = OutputTable(["field", "value"])
    for entry in entries {
      table.add([.string(entry.field), entry.value.map { .string($0) } ?? .null])
    }
    return table.render(format)
  }
}
