import IORDomain
import IORStore

extension CommandTable {
  static let recordCommands: [CommandSpec] = [
    .command(
      "add officer", group: "Partner records", summary: "record a WSO of the open partner",
      positionals: [.required("name", .text, ask: "officer's name")],
      options: [
        .required("authorized", .date, ask: "date authorized (YYYY-MM-DD)"),
        .optional("trained", .date), .optional("partner", .partnerID),
      ],
      examples: ["add officer \"Pat Doe\" authorized=2024-01-15 trained=2023-12-01"],
      context: .partner
    ) { invocation in
      let officer = try invocation.workspace.addOfficer(
        partner: try invocation.partnerID(), name: try invocation.required("name"),
        authorized: try invocation.required("authorized"), trained: invocation.value("trained"))
      invocation.note("added officer \(officer.id)")
    },
    .command(
      "set officer", group: "Partner records", summary: "change an officer's record",
      details: "Fields: " + Workspace.officerFields.joined(separator: ", ")
        + ". An officer who left: status=inactive ended=DATE.",
      positionals: [.required("officer", .officerID)],
      options: [
        .optional("partner", .partnerID), .optional("fields", .fields(Workspace.officerFields)),
      ],
      examples: [
        "set officer O3 status=inactive ended=2025-06-30", "set officer O1 trained=2025-01-10",
      ],
      context: .partner
    ) { invocation in
      let officer = try invocation.workspace.setOfficer(
        partner: try invocation.partnerID(), officer: try invocation.required("officer"),
        fields: invocation.fields)
      invocation.note("updated officer \(officer.id)")
    },
    .command(
      "list officers", group: "Partner records", summary: "list the open partner's WSOs",
      options: [
        .optional("partner", .partnerID), .optional("format", .choice(OutputTable.formats)),
      ],
      context: .partner
    ) { invocation in
      let partner = try invocation.workspace.partner(try invocation.partnerID())
      var table = OutputTable(["id", "name", "authorized", "trained", "status", "ended"])
      for officer in partner.officers {
        table.add([
          .string(officer.id), .string(officer.name), .string(officer.authorized.description),
          .optional(officer.trained?.description), .string(officer.status.rawValue),
          .optional(officer.ended?.description),
        ])
      }
      invocation.session.console.out(table.render(invocation.format))
    },
    .command(
      "add visit", group: "Partner records", summary: "record an NPM site visit",
      positionals: [.required("date", .date)],
      options: [.optional("npm", .text), .optional("partner", .partnerID)],
      examples: ["add visit 2025-03-04 npm=\"R. Osei\""], context: .partner
    ) { invocation in
      let visit = try invocation.workspace.addVisit(
        partner: try invocation.partnerID(), date: try invocation.required("date"),
        npm: invocation.value("npm"))
      invocation.note("added site visit \(visit.id) on \(visit.date)")
    },
    .command(
      "add meeting", group: "Partner records", summary: "record a steering committee meeting held",
      positionals: [.required("date", .date)], options: [.optional("partner", .partnerID)],
      examples: ["add meeting 2025-02-11"], context: .partner
    ) { invocation in
      let meeting = try invocation.workspace.addMeeting(
        partner: try invocation.partnerID(), date: try invocation.required("date"))
      invocation.note("added steering committee meeting \(meeting.id) on \(meeting.date)")
    },
    .command(
      "set warrants", group: "Partner records", summary: "record warrants served in a fiscal year",
      options: [
        .required("fy", .fiscalYear), .required("count", .count), .optional("partner", .partnerID),
      ],
      examples: ["set warrants fy=2024 count=37"], context: .partner
    ) { invocation in
      let previous = try invocation.workspace.setWarrants(
        partner: try invocation.partnerID(), fiscalYear: try invocation.required("fy"),
        count: try invocation.required("count"))
      let was = previous.map { " (was \($0))" } ?? ""
      let fiscalYear = try invocation.required("fy")
      invocation.note(
        "warrants served in FY\(fiscalYear): \(try invocation.required("count"))\(was)")
    },
    .command(
      "add complaint", group: "Partner records",
      summary: "record a complaint reported through the 287(g) HQ unit to CRCL",
      positionals: [.required("date", .date)],
      options: [
        .required("ref", .word, ask: "CRCL reference"),
        .optional("disposition", .choice(Complaint.Disposition.allCases.map(\.rawValue))),
        .optional("summary", .text), .optional("partner", .partnerID),
      ],
      examples: ["add complaint 2024-11-02 ref=CRCL-24-0117 disposition=referred"],
      context: .partner
    ) { invocation in
      let complaint = try invocation.workspace.addComplaint(
        partner: try invocation.partnerID(), date: try invocation.required("date"),
        reference: try invocation.required("ref"), disposition: invocation.value("disposition"),
        summary: invocation.value("summary"))
      invocation.note("added complaint \(SafeText.terminal(complaint.reference))")
    },
  ]
}
