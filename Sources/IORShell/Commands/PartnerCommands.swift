import IORDomain
import IORStore

extension CommandTable {
  static let partnerCommands: [CommandSpec] = [
    .command(
      "add partner", group: "Partners", summary: "record a new WSO partner agency",
      details: "The id is what every command uses: lowercase letters, digits and '-'. Other"
        + " program dynamics can be given here or later with set partner.",
      positionals: [.required("partner", .word, ask: "partner id (e.g. lake-so)")],
      options: [
        .required("name", .text, ask: "agency name"),
        .optional("fields", .fields(Workspace.partnerFields.filter { $0 != "name" })),
      ],
      examples: ["add partner lake-so name=\"Lake County Sheriff's Office\" state=FL"]
    ) { invocation in
      let partner = try invocation.workspace.addPartner(
        id: try invocation.required("partner"), name: try invocation.required("name"),
        fields: invocation.fields)
      invocation.session.openPartner = partner.id
      invocation.session.openReview = nil
      invocation.note("added partner \(partner.id)")
    },
    .command(
      "set partner", group: "Partners", summary: "change a partner's program dynamics",
      details: "Fields: " + Workspace.partnerFields.joined(separator: ", ") + ". Dates are"
        + " YYYY-MM-DD. next-meeting schedules the next steering committee meeting;"
        + " status=terminated with ended=DATE records that the MOA ended (history is kept).",
      positionals: [.optional("partner", .partnerID)],
      options: [.optional("fields", .fields(Workspace.partnerFields))],
      examples: [
        "set partner fpm=\"A. Rivera\" fpm-title=\"Field Program Manager\" sddo=\"J. Chen\""
          + " moa-signed=2019-05-01",
        "set partner next-meeting=2025-08-12",
      ], context: .partner
    ) { invocation in
      guard !invocation.fields.isEmpty else {
        throw ShellError.missingValue(command: "set partner", name: "at least one FIELD=VALUE")
      }
      let partner = try invocation.workspace.setPartner(
        try invocation.partnerID(), fields: invocation.fields)
      invocation.note("updated partner \(partner.id)")
    },
    .command(
      "show partner", group: "Partners", summary: "show a partner's record",
      details: "format=json gives the partner's whole document; csv and md give the card's"
        + " fields as field,value rows.",
      positionals: [.optional("partner", .partnerID)],
      options: [.optional("format", .choice(OutputTable.formats))],
      examples: ["show partner", "show partner lake-so format=json"], context: .partner
    ) { invocation in
      let partner = try invocation.workspace.partner(try invocation.partnerID())
      if invocation.format == "json" {
        invocation.session.console.out(JSONWriter.pretty(partner.json))
      } else {
        invocation.session.console.out(
          PartnerCard.render(partner, today: invocation.session.options.today)
            .output(invocation.format))
      }
    },
    .command(
      "list partners", group: "Partners", summary: "list partners, one line each",
      options: [
        .optional("state", .word), .optional("status", .choice(["active", "terminated"])),
        .optional("format", .choice(OutputTable.formats)),
      ],
      examples: ["list partners", "list partners state=FL format=csv"]
    ) { invocation in
      let (partners, damaged) = try invocation.workspace.allPartners()
      reportDamaged(damaged, invocation)
      let today = invocation.session.options.today
      var table = OutputTable([
        "id", "name", "state", "fieldOffice:field office", "status", "currentWSOs:WSOs",
      ])
      for partner in partners {
        if let state = invocation.value("state"), partner.state?.lowercased() != state.lowercased()
        {
          continue
        }
        if let status = invocation.value("status"), partner.status.rawValue != status { continue }
        table.add([
          .string(partner.id), .string(partner.name), .optional(partner.state),
          .optional(partner.fieldOffice), .string(partner.status.rawValue),
          .int(partner.currentOfficers(on: today).count),
        ])
      }
      invocation.session.console.out(table.render(invocation.format))
    },
    .command(
      "load outline", group: "Partners", summary: "load the partner's MOA outline from a file",
      details: "The file lists the MOA's articles and appendices, one a line:"
        + " 'version: 2020 WSO MOA', 'Article V: Supervision', 'Appendix B: Complaints'."
        + " Deficiency citations of the MOA are then checked against it.",
      positionals: [.required("file", .file)], options: [.optional("partner", .partnerID)],
      examples: ["load outline docs/examples/moa-2020.txt"], context: .partner
    ) { invocation in
      let path = invocation.session.resolvePath(try invocation.required("file"))
      let text = try TextFile.read(path)
      let outline = try invocation.workspace.setOutline(
        partner: try invocation.partnerID(), text: text, source: path)
      invocation.note(
        "loaded \(outline.version): \(outline.sections.count) articles and appendices")
    },
    .command(
      "show outline", group: "Partners", summary: "show the partner's MOA outline",
      positionals: [.optional("partner", .partnerID)],
      options: [.optional("format", .choice(OutputTable.formats))], context: .partner
    ) { invocation in
      let partner = try invocation.workspace.partner(try invocation.partnerID())
      guard let outline = partner.moaOutline else {
        throw ShellError.refused(
          "partner '\(partner.id)' has no MOA outline on record (load outline FILE)")
      }
      guard invocation.format == "table" else {
        var table = OutputTable(["version", "section", "title"])
        for section in outline.sections {
          table.add([.string(outline.version), .string(section.reference), .string(section.title)])
        }
        invocation.session.console.out(table.render(invocation.format))
        return
      }
      invocation.session.console.out(
        outline.render().split(separator: "\n").map { SafeText.terminal(String($0)) + "\n" }
          .joined())
    },
  ]

  /// Tells the user about damaged documents a listing skipped.
  @MainActor
  static func reportDamaged(_ damaged: [DamagedDocument], _ invocation: Invocation) {
    for damage in damaged {
      invocation.session.console.warning(
        "skipped damaged document \(SafeText.terminal(damage.description))")
    }
  }
}
