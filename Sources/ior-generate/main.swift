// ior-generate: writes a synthetic national-scale store for the benchmark, deterministic from a
// seed. Every document goes through the domain types (`Partner`, `Review`) and is committed
// through the Store API, so the files are exactly what ior itself writes.
//
//   ior-generate --seed 42 --partners 2000 --reviews 10000 STORE_DIR

import IORDomain
import IORShell
import IORStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny seeded generator (SplitMix64): the same seed gives the same store on every machine.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// A whole number in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    let width = UInt64(range.upperBound - range.lowerBound + 1)
    return range.lowerBound + Int(next() % width)
  }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool {
    Double(next() >> 11) / Double(1 << 53) < probability
  }

  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

// MARK: Words the documents are made of

enum Words {
  static let states = [
    "AL", "AZ", "AR", "FL", "GA", "ID", "IN", "KS", "KY", "LA", "MS", "MO", "MT", "NE", "NV", "NH",
    "NC", "ND", "OH", "OK", "PA", "SC", "SD", "TN", "TX", "UT", "VA", "WV", "WY", "IA",
  ]
  static let counties = [
    "adams", "allen", "baker", "benton", "boone", "brown", "butler", "carroll", "clark", "clay",
    "clinton", "crawford", "dallas", "douglas", "fayette", "franklin", "fulton", "grant", "greene",
    "hamilton", "hancock", "harrison", "henry", "jackson", "jasper", "jefferson", "johnson", "knox",
    "lake", "lawrence", "lee", "lincoln", "logan", "madison", "marion", "marshall", "monroe",
    "montgomery", "morgan", "perry", "pike", "polk", "putnam", "randolph", "scott", "shelby",
    "union", "warren", "washington", "wayne", "webster", "wilson",
  ]
  static let fieldOffices = [
    "Atlanta", "Baltimore", "Boston", "Buffalo", "Chicago", "Dallas", "Denver", "Detroit",
    "El Paso", "Harlingen", "Houston", "Los Angeles", "Miami", "New Orleans", "New York",
    "Newark", "Philadelphia", "Phoenix", "Salt Lake City", "San Antonio", "San Diego",
    "San Francisco", "Seattle", "St. Paul", "Washington",
  ]
  static let givenInitials = [
    "A.", "B.", "C.", "D.", "E.", "F.", "J.", "K.", "L.", "M.", "R.", "S.",
  ]
  static let surnames = [
    "Rivera", "Chen", "Moore", "Nguyen", "Patel", "Garcia", "Smith", "Johnson", "Brooks", "Diaz",
    "Foster", "Hayes", "Ortiz", "Price", "Reed", "Sanders", "Turner", "Walsh", "Young", "Lopez",
  ]
  static let givenNames = [
    "Pat", "Sam", "Alex", "Jordan", "Casey", "Taylor", "Morgan", "Jamie", "Robin", "Drew",
    "Lee", "Kim", "Chris", "Dana", "Terry", "Quinn",
  ]
  static let npms = ["T. Alvarez", "M. Brennan", "S. Okafor", "R. Lindqvist", "D. Whitaker"]
  static let focusAreas = [
    "warrant service", "custody transfer", "training and authorization", "records and reporting",
  ]
  static let citations = [
    "MOA Article V", "MOA Article VI", "MOA Article VII", "MOA Article IX", "MOA Appendix B",
    "MOA Appendix C", "ICE Policy 11064.3", "ERO WSO Operating Procedures, section 4",
  ]
  static let deficiencies = [
    "Warrant served without supervisory review", "I-200 not signed by an authorized officer",
    "WSO served a warrant before completing training", "Custody transfer not logged",
    "Warrant served outside the partner's jail", "Expired WSO authorization still in use",
    "Daily warrant log incomplete", "Detainer served without the noncitizen's release date",
  ]
  static let concerns = [
    "Roster of WSOs kept on paper only", "Steering committee met less than once a year",
    "No backup WSO on night shift", "Complaint poster not displayed in the booking area",
    "FPM contact list out of date", "Training records kept in two places",
  ]
  static let plans = [
    "Retrain all WSOs on supervisory review", "Adopt an electronic roster",
    "Supervisor to sign off each warrant before service", "Audit the warrant log monthly",
    "Renew expired authorizations", "Issue a written procedure for custody transfer",
  ]
  static let answers = [
    "Supervisor reviews each I-200 before service.", "Yes, as written in the MOA.",
    "Not consistently; depends on the shift.", "Logged in the jail management system.",
    "Training records are kept by the FPM.", "No complaints this year.",
  ]
}

// MARK: Command line

struct Options {
  var seed: UInt64 = 42
  var partners = 2000
  var reviews = 10000
  var batch = 500
  var root = ""
}

/// Writes a diagnostic to standard error (by descriptor: the C `stderr` global is not
/// concurrency-safe in Swift 6).
func printError(_ text: String) {
  var bytes = Array(text.utf8)
  _ = write(2, &bytes, bytes.count)
}

func usage(_ message: String) -> Never {
  let text =
    "ior-generate: \(message)\n"
    + "usage: ior-generate [--seed N] [--partners N] [--reviews N] [--batch N] STORE_DIR\n"
  printError(text)
  exit(64)
}

func parseOptions(_ arguments: [String]) -> Options {
  var options = Options()
  var rest = arguments[...]
  while let argument = rest.popFirst() {
    func number() -> Int {
      guard let text = rest.popFirst(), let value = Int(text), value >= 0 else {
        usage("\(argument) needs a whole number")
      }
      return value
    }
    switch argument {
    case "--seed": options.seed = UInt64(number())
    case "--partners": options.partners = max(1, number())
    case "--reviews": options.reviews = number()
    case "--batch": options.batch = max(1, number())
    default:
      if argument.hasPrefix("-") { usage("unknown option '\(argument)'") }
      if !options.root.isEmpty { usage("give one STORE_DIR, not '\(argument)'") }
      options.root = argument
    }
  }
  if options.root.isEmpty { usage("missing STORE_DIR") }
  return options
}

// MARK: Dates

/// The generated history ends here: steps after it have not happened yet.
let asOf = fixedDate("2026-06-30")
let historyStart = fixedDate("2016-10-01")
let historyEnd = fixedDate("2026-09-30")

/// A date written in this file; a typo in one is a bug of the generator, so it stops there.
func fixedDate(_ text: String) -> LocalDate {
  guard let date = LocalDate(text) else { fatalError("'\(text)' is not a date") }
  return date
}

func date(_ day: Int) -> JSONValue { .string(LocalDate(dayNumber: day).description) }

func personName(_ random: inout SplitMix64) -> String {
  random.pick(Words.givenInitials) + " " + random.pick(Words.surnames)
}

// MARK: Partners

/// A partner as generated: its document and what its reviews need to know.
struct GeneratedPartner {
  var partner: Partner
  var firstReviewDay: Int
}

func makePartner(number: Int, id: String, random: inout SplitMix64) throws -> GeneratedPartner {
  let county = id.split(separator: "-").dropLast(2)
    .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
  let state = random.pick(Words.states)
  var body: [String: JSONValue] = [
    "name": .string(county + " County Sheriff's Office"),
    "state": .string(state),
    "fieldOffice": .string(random.pick(Words.fieldOffices)),
    "fpm": .object(["name": .string(personName(&random)), "title": "Field Program Manager"]),
    "sddo": .string(personName(&random)),
  ]

  // Most MOAs predate the history; a third were signed during it.
  let signed: Int
  if random.chance(0.65) {
    signed = historyStart.dayNumber - random.int(30...2000)
  } else {
    signed = historyStart.dayNumber + random.int(0...2900)
  }
  body["moaSigned"] = date(signed)
  let start = max(signed, historyStart.dayNumber - 365)

  // Officers: about 40 a partner, authorized after the MOA, a fifth of them since ended.
  var officers: [JSONValue] = []
  let officerCount = random.int(25...55)
  for index in 1...officerCount {
    let authorized = signed + random.int(10...max(11, asOf.dayNumber - signed - 30))
    var officer: [String: JSONValue] = [
      "id": .string("O\(index)"),
      "name": .string(random.pick(Words.givenNames) + " " + random.pick(Words.surnames)),
      "authorized": date(authorized), "status": "active",
    ]
    // Training is renewed yearly; about one in six active officers is behind.
    var lastTrained = asOf.dayNumber - random.int(0...430)
    if random.chance(0.2) && authorized + 60 < asOf.dayNumber {
      let ended = random.int((authorized + 30)...asOf.dayNumber)
      officer["status"] = "inactive"
      officer["ended"] = date(ended)
      lastTrained = min(lastTrained, ended - random.int(1...300))
    }
    officer["trained"] = date(max(authorized - random.int(5...40), lastTrained))
    officers.append(.object(officer))
  }
  body["officers"] = .array(officers)

  // Site visits about yearly, steering committee meetings about twice a year.
  var visits: [JSONValue] = []
  var day = start + random.int(60...300)
  while day <= asOf.dayNumber {
    let id = "V\(visits.count + 1)"
    let npm = JSONValue.string(random.pick(Words.npms))
    visits.append(.object(["id": .string(id), "date": date(day), "npm": npm]))
    day += random.int(250...500)
  }
  body["visits"] = .array(visits)
  var meetings: [JSONValue] = []
  day = start + random.int(30...200)
  while day <= asOf.dayNumber {
    meetings.append(.object(["id": .string("M\(meetings.count + 1)"), "date": date(day)]))
    day += random.int(150...230)
  }
  body["meetings"] = .array(meetings)
  body["scheduledMeetings"] = .array([date(day)])

  // Warrants served and CRCL complaints, per fiscal year since the MOA.
  var warrants: [String: JSONValue] = [:]
  var complaints: [JSONValue] = []
  let firstYear = max(2017, FiscalYear(containing: LocalDate(dayNumber: signed)).year)
  for year in firstYear...2026 {
    warrants[String(year)] = .int(random.int(0...120))
    for _ in 0..<(random.chance(0.35) ? random.int(1...3) : 0) {
      let fiscalYear = FiscalYear(year)
      let when = random.int(fiscalYear.start.dayNumber...fiscalYear.end.dayNumber)
      let reference = "CRCL-\(year % 100)-\(String(number * 10 + complaints.count))"
      complaints.append(
        .object([
          "ref": .string(reference), "date": date(min(when, asOf.dayNumber)),
          "disposition": .string(random.pick(["referred", "retained", "oig"])),
        ]))
    }
  }
  body["warrantsServed"] = .object(warrants)
  body["complaints"] = .array(complaints)
  body["lastNumbers"] = .object([
    "O": .int(officerCount), "V": .int(visits.count), "M": .int(meetings.count),
  ])

  // A few partners' MOAs have ended.
  if random.chance(0.04) {
    body["status"] = "terminated"
    body["ended"] = date(asOf.dayNumber - random.int(10...200))
  }

  // The domain type reads and rewrites the body, so the stored document is ior's own.
  let key = DocumentKey(Partner.collection, id)
  let partner = try Partner(document: Document(key: key, revision: 0, body: .object(body)))
  let firstReview = max(start + 200, historyStart.dayNumber)
  return GeneratedPartner(partner: partner, firstReviewDay: firstReview)
}

func partnerIDs(count: Int, random: inout SplitMix64) -> [String] {
  var seen: Set<String> = []
  var ids: [String] = []
  while ids.count < count {
    let base = random.pick(Words.counties) + "-" + random.pick(Words.states).lowercased()
    var id = base + "-so"
    var suffix = 2
    while seen.contains(id) {
      id = base + "\(suffix)-so"
      suffix += 1
    }
    seen.insert(id)
    ids.append(id)
  }
  return ids
}

// MARK: Reviews

/// Spreads `total` reviews over the partners, roughly one every two years of history each.
func reviewCounts(_ partners: [GeneratedPartner], total: Int, random: inout SplitMix64) -> [Int] {
  var counts = partners.map { max(1, (historyEnd.dayNumber - $0.firstReviewDay) / 730 + 1) }
  var sum = counts.reduce(0, +)
  while sum < total {
    counts[random.int(0...(counts.count - 1))] += 1
    sum += 1
  }
  while sum > total {
    let index = random.int(0...(counts.count - 1))
    if counts[index] > 0 {
      counts[index] -= 1
      sum -= 1
    }
  }
  return counts
}

func makeReviews(for generated: GeneratedPartner, count: Int, random: inout SplitMix64) throws
  -> [Review]
{
  guard count > 0 else { return [] }
  let partner = generated.partner
  let first = generated.firstReviewDay
  let span = max(1, historyEnd.dayNumber - first)
  var reviews: [Review] = []
  var usedIDs: Set<String> = []
  var previousCitations: [String: String] = [:]
  for index in 0..<count {
    // Evenly spaced inspections with a few weeks of jitter either way.
    let slot = first + span * index / count
    let jitter = random.int(0...max(0, min(60, span / count - 1)))
    let inspection = min(slot + jitter, historyEnd.dayNumber)
    let year = LocalDate(dayNumber: inspection).year
    var id = "\(partner.id)-\(year)"
    var suffix = 2
    while usedIDs.contains(id) {
      id = "\(partner.id)-\(year)-\(suffix)"
      suffix += 1
    }
    usedIDs.insert(id)
    let (review, citations) = try makeReview(
      id: id, partner: partner.id, inspection: inspection, previous: previousCitations,
      random: &random)
    previousCitations = citations
    reviews.append(review)
  }
  return reviews
}

func makeReview(
  id: String, partner: String, inspection: Int, previous: [String: String],
  random: inout SplitMix64
) throws -> (Review, [String: String]) {
  var body: [String: JSONValue] = [
    "partner": .string(partner), "inspection": date(inspection),
    "npm": .string(random.pick(Words.npms)),
  ]
  let focus = random.chance(0.15)
  body["type"] = focus ? "focus" : "program"
  if focus { body["focus"] = .string(random.pick(Words.focusAreas)) }

  // The dated steps; a step after `asOf` has not happened yet, nor has any after it.
  let sent = inspection - random.int(28...42)
  let received = sent + random.int(7...20)
  let report = inspection + random.int(20...75)
  let accepted = report + random.int(20...60)
  let age = asOf.dayNumber - inspection
  let closed = accepted + random.int(60...(age > 730 ? 400 : 900))
  let steps = [("requestSent", sent), ("requestReceived", received)]
  var reached = 0
  for (name, day) in steps where day <= asOf.dayNumber {
    body[name] = date(day)
    reached += 1
  }
  let fieldworkDone = reached == 2 && inspection <= asOf.dayNumber
  let reportDone = fieldworkDone && report <= asOf.dayNumber
  if reportDone { body["reportIssued"] = date(report) }

  // Findings are known once the inspection happened: 0 to 12, about half deficiencies.
  var findings: [JSONValue] = []
  var actions: [JSONValue] = []
  var citations: [String: String] = [:]
  var deficiencyCount = 0
  var concernCount = 0
  var actionCount = 0
  var answers: [String: JSONValue] = [:]
  if fieldworkDone {
    for question in QuestionBank.all where random.chance(0.3) {
      answers[question.id] = .object([
        "text": .string(random.pick(Words.answers)), "recorded": date(inspection),
      ])
    }
    let findingCount = random.chance(0.15) ? 0 : random.int(1...12)
    for _ in 0..<findingCount {
      if random.chance(0.5) {
        deficiencyCount += 1
        let findingID = "D\(deficiencyCount)"
        let citation = random.pick(Words.citations)
        var finding: [String: JSONValue] = [
          "id": .string(findingID), "kind": "deficiency",
          "title": .string(random.pick(Words.deficiencies)), "citation": .string(citation),
        ]
        if citation.hasPrefix("MOA"), let earlier = previous[citation] {
          finding["repeatOf"] = .string(earlier)
        }
        if citations[citation] == nil { citations[citation] = "\(id)/\(findingID)" }
        findings.append(.object(finding))
      } else {
        concernCount += 1
        findings.append(
          .object([
            "id": .string("C\(concernCount)"), "kind": "concern",
            "title": .string(random.pick(Words.concerns)),
          ]))
      }
    }
  }

  // Corrective actions follow the report; a closed review has them completed, save a few.
  let planDone = reportDone && accepted <= asOf.dayNumber && deficiencyCount > 0
  let closeDone = reportDone && closed <= asOf.dayNumber && (planDone || deficiencyCount == 0)
  var openActions = 0
  if reportDone {
    for number in 0..<deficiencyCount where random.chance(0.9) || planDone {
      actionCount += 1
      let due = report + random.int(45...180)
      var action: [String: JSONValue] = [
        "id": .string("A\(actionCount)"), "finding": .string("D\(number + 1)"),
        "plan": .string(random.pick(Words.plans)), "owner": .string("Lt. " + personName(&random)),
        "due": date(due), "agree": .bool(random.chance(0.9)),
      ]
      let completed = due + random.int(-30...60)
      if planDone && completed <= asOf.dayNumber && (closeDone ? random.chance(0.97) : true) {
        action["completed"] = date(completed)
      } else {
        openActions += 1
      }
      actions.append(.object(action))
    }
  }
  if planDone { body["planAccepted"] = date(accepted) }
  if closeDone {
    body["closedOut"] = date(closed)
    if openActions > 0 {
      body["closeoutReason"] = "Remaining action tracked by the field office."
    }
  }
  body["answers"] = .object(answers)
  body["findings"] = .array(findings)
  body["actions"] = .array(actions)
  body["lastNumbers"] = .object([
    "D": .int(deficiencyCount), "C": .int(concernCount), "A": .int(actionCount),
  ])

  let document = Document(key: DocumentKey(Review.collection, id), revision: 0, body: .object(body))
  return (try Review(document: document), citations)
}

// MARK: Writing

/// Commits documents through the Store API in batches, one transaction each.
struct BatchWriter {
  let store: Store
  let batch: Int
  var transaction: Transaction
  var written = 0
  /// How many documents will be written in all, for the progress line.
  var total = 0
  /// Shown on standard error at a terminal, once generating has lasted a second.
  let progress: ProgressLine? = isatty(2) == 1 ? MainActor.assumeIsolated { ProgressLine() } : nil

  init(store: Store, batch: Int) {
    self.store = store
    self.batch = batch
    transaction = Transaction(store: store)
  }

  mutating func write(_ key: DocumentKey, _ body: JSONValue) throws {
    try transaction.write(key, body: body)
    written += 1
    if transaction.changedKeys.count >= batch { try flush() }
  }

  mutating func flush() throws {
    guard !transaction.isEmpty else { return }
    try transaction.commit(command: "ior-generate (\(transaction.changedKeys.count) documents)")
    if let progress {
      let (done, total) = (written, max(total, written))
      MainActor.assumeIsolated { progress.update("writing documents", done, total) }
    }
  }
}

func generate(_ options: Options) throws {
  var random = SplitMix64(seed: options.seed)
  let store = try Store(root: options.root, user: "ior-generate")
  if store.exists, !(try store.ids(in: Partner.collection)).isEmpty {
    usage("'\(options.root)' already holds partners; give an empty or new folder")
  }
  var writer = BatchWriter(store: store, batch: options.batch)

  // Partners first, then their reviews.
  let ids = partnerIDs(count: options.partners, random: &random)
  var partners: [GeneratedPartner] = []
  for (number, id) in ids.enumerated() {
    let generated = try makePartner(number: number, id: id, random: &random)
    partners.append(generated)
    try writer.write(generated.partner.key, generated.partner.json)
  }
  let counts = reviewCounts(partners, total: options.reviews, random: &random)
  writer.total = partners.count + counts.reduce(0, +)
  for (generated, count) in zip(partners, counts) {
    for review in try makeReviews(for: generated, count: count, random: &random) {
      try writer.write(review.key, review.json)
    }
  }
  try writer.flush()
  let reviewTotal = counts.reduce(0, +)
  print("wrote \(partners.count) partners and \(reviewTotal) reviews to \(options.root)")
}

do {
  try generate(parseOptions(Array(CommandLine.arguments.dropFirst())))
} catch {
  printError("ior-generate: \(error)\n")
  exit(1)
}
