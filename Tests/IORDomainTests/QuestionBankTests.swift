import IORDomain
import Testing

@Suite("The questionnaire bank")
struct QuestionBankTests {
  @Test("every question id is unique")
  func idsAreUnique() {
    let ids = QuestionBank.all.map(\.id)
    #expect(Set(ids).count == ids.count)
  }

  @Test("each role's ids are its prefix and a number counting up from 1", arguments: Role.allCases)
  func idsAreWellFormed(role: Role) {
    let questions = QuestionBank.questions(for: role)
    let expected = questions.indices.map { "\(role.rawValue)-\($0 + 1)" }
    #expect(questions.map(\.id) == expected)
    #expect(questions.allSatisfy { $0.role == role })
  }

  @Test("every role is asked six to nine questions", arguments: Role.allCases)
  func everyRoleHasQuestions(role: Role) {
    #expect((6...9).contains(QuestionBank.questions(for: role).count))
  }

  @Test("the bank holds about thirty-five questions in all")
  func bankSize() {
    #expect((30...40).contains(QuestionBank.all.count))
  }

  @Test("all lists the questions in role order, then by number")
  func allIsInRoleOrder() {
    let expected = Role.allCases.flatMap { QuestionBank.questions(for: $0) }
    #expect(QuestionBank.all == expected)
    #expect(QuestionBank.all.first?.id == "wso-1")
  }

  @Test(
    "a question is found by its id in any case",
    arguments: ["wso-3", "WSO-3", "Wso-3", " wso-3 "]
  )
  func lookupIgnoresCase(id: String) {
    let question = QuestionBank.question(id: id)
    #expect(question?.id == "wso-3")
    #expect(question?.role == .wso)
  }

  @Test("an unknown or misshapen id finds nothing", arguments: ["wso-99", "jem-1", "wso 3", ""])
  func unknownIDFindsNothing(id: String) {
    #expect(QuestionBank.question(id: id) == nil)
  }

  @Test("every question reads as a question and has a topic")
  func questionsReadAsQuestions() {
    for question in QuestionBank.all {
      #expect(question.text.hasSuffix("?"), "\(question.id)")
      #expect(!question.topic.isEmpty, "\(question.id)")
      #expect(!question.text.contains("  "), "\(question.id) has a doubled space")
    }
  }

  @Test("the bank covers what a WSO program owes under its MOA")
  func topicsCoverTheProgram() {
    let topics = Set(QuestionBank.all.map(\.topic))
    let required: Set = [
      "warrant service", "custody transfer", "supervision", "training and authorization",
      "complaints", "steering committee", "records and reporting", "communication",
      "scope of authority",
    ]
    #expect(required.isSubset(of: topics), "missing \(required.subtracting(topics))")
  }

  @Test("WSOs are asked whether they question people about citizenship")
  func wsoScopeIsChecked() {
    let scope = QuestionBank.questions(for: .wso).filter { $0.topic == "scope of authority" }
    #expect(scope.contains { $0.text.contains("citizenship") })
  }

  @Test(
    "each role has its title spelled out",
    arguments: [
      (Role.wso, "Warrant Service Officers"),
      (.fpm, "Field Program Manager"),
      (.sddo, "Supervisory Detention and Deportation Officer"),
      (.poc, "Field office point of contact"),
      (.afod, "Assistant/Deputy Field Office Director"),
    ]
  )
  func roleTitles(role: Role, title: String) {
    #expect(role.title == title)
  }
}
