/// A role the WSO-IOR questionnaire is asked of.
///
/// The NPM puts the standard questions to the partner's WSOs and to the ICE people around the
/// program: the FPM, the assisting SDDO, the field office POC and the AFOD/DFOD.
public enum Role: String, CaseIterable, Sendable {
  /// The partner's Warrant Service Officers.
  case wso
  /// The field office's Field Program Manager.
  case fpm
  /// The Supervisory Detention and Deportation Officer who assists the partner.
  case sddo
  /// The field office point of contact for the partner.
  case poc
  /// The Assistant or Deputy Field Office Director overseeing the local WSO program.
  case afod

  /// The role spelled out, as a heading in the questionnaire and the findings report.
  public var title: String {
    switch self {
    case .wso: "Warrant Service Officers"
    case .fpm: "Field Program Manager"
    case .sddo: "Supervisory Detention and Deportation Officer"
    case .poc: "Field office point of contact"
    case .afod: "Assistant/Deputy Field Office Director"
    }
  }
}

/// One standard question of the WSO-IOR questionnaire.
///
/// The id (`wso-3`, `afod-1`) is what an answer is recorded against, so it must never change
/// meaning once a review has used it.
public struct Question: Sendable, Equatable {
  /// The role prefix and number, as in `wso-3`.
  public let id: String
  /// Whom the question is asked of.
  public let role: Role
  /// The area of the program the question covers, a short phrase as in `warrant service`.
  public let topic: String
  /// The question as the NPM asks it.
  public let text: String

  /// Creates a question; appropriate for tests and for questions a checklist script adds.
  public init(id: String, role: Role, topic: String, text: String) {
    self.id = id
    self.role = role
    self.topic = topic
    self.text = text
  }
}

/// The built-in bank of standard WSO-IOR questions, a few for each role.
///
/// The questions cover what a WSO program owes under its MOA: how ICE administrative warrants
/// (I-200/I-205) are received, verified and served at release, custody transfer to ICE,
/// supervision, training and authorization of WSOs, complaints and CRCL referral, the steering
/// committee, records and reporting, and communication with the field office.
public enum QuestionBank {
  /// Every question, in role order (`Role.allCases`), then by number.
  public static let all: [Question] = Role.allCases.flatMap { questions(for: $0) }

  /// The question with this id, ignoring case and surrounding spaces, or nil when there is none.
  public static func question(id: String) -> Question? {
    questionsByID[normalizedID(id)]
  }

  /// The questions asked of one role, by number.
  public static func questions(for role: Role) -> [Question] {
    switch role {
    case .wso: warrantServiceOfficerQuestions
    case .fpm: fieldProgramManagerQuestions
    case .sddo: supervisoryOfficerQuestions
    case .poc: pointOfContactQuestions
    case .afod: fieldOfficeDirectorQuestions
    }
  }

  // Built once: a questionnaire run looks up an id for every answer it records.
  private static let questionsByID: [String: Question] = Dictionary(
    all.map { ($0.id, $0) },
    uniquingKeysWith: { first, _ in first }
  )

  private static func normalizedID(_ id: String) -> String {
    // Spaces around an id come from typed commands; a space inside one is never valid.
    let pieces = id.split(whereSeparator: \.isWhitespace)
    return pieces.count == 1 ? pieces[0].lowercased() : ""
  }
}

// The questions themselves. New questions go at the end of a role's list with the next number:
// recorded answers refer to ids, so renumbering would attach old answers to the wrong question.
extension QuestionBank {
  private static let warrantServiceOfficerQuestions: [Question] = [
    Question(
      id: "wso-1", role: .wso, topic: "warrant service",
      text: "When ICE sends an administrative warrant (Form I-200 or I-205) for someone in your"
        + " jail, how does it reach you, and how do you check that it is complete and signed"
        + " by an authorized ICE officer before you serve it?"),
    Question(
      id: "wso-2", role: .wso, topic: "warrant service",
      text: "How do you confirm that the person in custody is the person named on the warrant"
        + " before you serve it?"),
    Question(
      id: "wso-3", role: .wso, topic: "warrant service",
      text: "Walk through the last warrant you served: did you serve it only at the time of the"
        + " person's scheduled release from criminal custody?"),
    Question(
      id: "wso-4", role: .wso, topic: "custody transfer",
      text: "After you serve a warrant, how is custody transferred to ICE: who takes the person,"
        + " where, and how long does the hand-over usually take?"),
    Question(
      id: "wso-5", role: .wso, topic: "supervision",
      text: "Who supervises your work as a WSO, and how does ICE direct or review each warrant"
        + " service?"),
    Question(
      id: "wso-6", role: .wso, topic: "scope of authority",
      text: "Do you ever ask a person in custody about their citizenship, nationality or"
        + " immigration status, or whether they can be removed?"),
    Question(
      id: "wso-7", role: .wso, topic: "training and authorization",
      text: "When did you complete the initial WSO training and your most recent refresher"
        + " training, and do you hold a current authorization letter from ICE?"),
    Question(
      id: "wso-8", role: .wso, topic: "complaints",
      text: "If a person in custody complains about how a warrant was served, what do you do"
        + " with the complaint and whom do you tell?"),
    Question(
      id: "wso-9", role: .wso, topic: "records and reporting",
      text: "What do you record each time you serve a warrant, where is it kept, and how does"
        + " ICE receive the served warrant?"),
  ]

  private static let fieldProgramManagerQuestions: [Question] = [
    Question(
      id: "fpm-1", role: .fpm, topic: "supervision",
      text: "How does the field office supervise the WSOs from day to day, and how often does an"
        + " ICE officer review their warrant service?"),
    Question(
      id: "fpm-2", role: .fpm, topic: "training and authorization",
      text: "How do you track each WSO's initial training, refresher training and authorization"
        + " letter, and how many WSOs are authorized today?"),
    Question(
      id: "fpm-3", role: .fpm, topic: "training and authorization",
      text: "When a WSO leaves the agency, changes assignment or falls behind on refresher"
        + " training, how soon is the authorization withdrawn and the roster corrected, and who"
        + " tells the 287(g) HQ unit?"),
    Question(
      id: "fpm-4", role: .fpm, topic: "warrant service",
      text: "How do I-200 and I-205 warrants reach the partner's jail, and how does the field"
        + " office confirm that each one was served at release and returned to ICE?"),
    Question(
      id: "fpm-5", role: .fpm, topic: "steering committee",
      text: "When did the steering committee last meet, who attended, what did it decide, and"
        + " when is the next meeting scheduled?"),
    Question(
      id: "fpm-6", role: .fpm, topic: "complaints",
      text: "How many complaints about the WSO program has the field office received since the"
        + " last review, and how was each sent to the 287(g) HQ unit for referral to CRCL?"),
    Question(
      id: "fpm-7", role: .fpm, topic: "records and reporting",
      text: "How many warrants did the WSOs serve in each of the last three fiscal years, and how"
        + " are those numbers kept and reported to HQ?"),
    Question(
      id: "fpm-8", role: .fpm, topic: "communication",
      text: "How does the partner reach the field office after hours or when a scheduled release"
        + " date changes, and how quickly does ICE respond?"),
  ]

  private static let supervisoryOfficerQuestions: [Question] = [
    Question(
      id: "sddo-1", role: .sddo, topic: "supervision",
      text: "How do you supervise the WSOs, and how do you review a warrant service before or"
        + " after it happens?"),
    Question(
      id: "sddo-2", role: .sddo, topic: "warrant service",
      text: "How do you prepare and send the I-200 or I-205 to the WSOs, and how do you make sure"
        + " it arrives before the person's scheduled release?"),
    Question(
      id: "sddo-3", role: .sddo, topic: "custody transfer",
      text: "Describe the most recent custody transfer: who from ICE took custody, where, and how"
        + " long after the warrant was served?"),
    Question(
      id: "sddo-4", role: .sddo, topic: "warrant service",
      text: "Since the last review, has any warrant gone unserved or been served late? What"
        + " happened, and what changed afterwards?"),
    Question(
      id: "sddo-5", role: .sddo, topic: "scope of authority",
      text: "Have you known a WSO to question a person about citizenship or removability, or to"
        + " act beyond the authority the MOA gives, and what did you do about it?"),
    Question(
      id: "sddo-6", role: .sddo, topic: "records and reporting",
      text: "How do you reconcile the served warrants the partner returns with ICE records, and"
        + " how are differences resolved?"),
    Question(
      id: "sddo-7", role: .sddo, topic: "training and authorization",
      text: "Who arranges refresher training for the WSOs, and how do you know that each one has"
        + " completed it?"),
  ]

  private static let pointOfContactQuestions: [Question] = [
    Question(
      id: "poc-1", role: .poc, topic: "communication",
      text: "Who at the partner agency is your regular contact for the WSO program, and how often"
        + " do you speak with them?"),
    Question(
      id: "poc-2", role: .poc, topic: "records and reporting",
      text: "Were the records asked for on the request form (roster, training records, served"
        + " warrants, complaints) complete, and which were hard to obtain?"),
    Question(
      id: "poc-3", role: .poc, topic: "records and reporting",
      text: "How is the roster of WSOs kept current, and when did the partner last send an"
        + " updated roster to the field office?"),
    Question(
      id: "poc-4", role: .poc, topic: "complaints",
      text: "How would a complaint about a WSO reach you, and how do you pass it to the 287(g)"
        + " HQ unit?"),
    Question(
      id: "poc-5", role: .poc, topic: "steering committee",
      text: "Do you help prepare the steering committee meetings, and were the action items from"
        + " the last meeting followed up?"),
    Question(
      id: "poc-6", role: .poc, topic: "communication",
      text: "Has anything changed at the partner agency since the MOA was signed (leadership, jail"
        + " operations, state or local law) that affects the WSO program?"),
  ]

  private static let fieldOfficeDirectorQuestions: [Question] = [
    Question(
      id: "afod-1", role: .afod, topic: "supervision",
      text: "How do you oversee the local WSO program, and what reports about it reach you?"),
    Question(
      id: "afod-2", role: .afod, topic: "custody transfer",
      text: "Does the field office have enough officers and supervisors to support the partner's"
        + " WSOs, including taking custody promptly after each warrant is served?"),
    Question(
      id: "afod-3", role: .afod, topic: "steering committee",
      text: "Do you attend the steering committee meetings, and what concerns did ICE or the"
        + " partner raise at the last one?"),
    Question(
      id: "afod-4", role: .afod, topic: "complaints",
      text: "Do you know of any complaint, incident or allegation of misconduct involving a WSO"
        + " since the last review, and how was it handled?"),
    Question(
      id: "afod-5", role: .afod, topic: "MOA compliance",
      text: "Do you know of any way the partner is not meeting the terms of its MOA, and what has"
        + " been done about it?"),
    Question(
      id: "afod-6", role: .afod, topic: "communication",
      text: "What would make the WSO program at this partner more effective, and is there"
        + " anything the 287(g) HQ unit should know before the findings report?"),
  ]
}
