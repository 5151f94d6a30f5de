import IORDomain
import IORShell

/// The command line of `ior`, parsed.
struct Arguments {
  var store: String?
  var user: String?
  var format: String?
  var keepGoing = false
  var dryRun = false
  var atomic = false
  var answersFile: String?
  var command: String?
  var file: String?
  var parameters: [String: String] = [:]
  var showVersion = false
  var showHelp = false
  var printReference = false
  var initialize: String??
  var marking = "CUI"
  var noRC = false
  var noPager = false
  var assumeYes = false

  static let valueOptions = ["--store", "--user", "--format", "--answers", "-c", "--marking"]
  static let flagOptions = [
    "--keep-going", "--dry-run", "--atomic", "--version", "--help", "--reference", "-h",
    "--no-rc", "--no-pager", "--yes",
  ]

  /// Parses `arguments` (without the program name).
  /// - Throws: `UsageError` for an unknown option or a missing value.
  static func parse(_ arguments: [String]) throws(UsageError) -> Arguments {
    var parsed = Arguments()
    var rest = arguments[...]
    if rest.first == "init" {
      rest.removeFirst()
      return try parseInit(rest, into: parsed)
    }
    while let argument = rest.popFirst() {
      if parsed.file != nil && !argument.hasPrefix("--") {
        try parsed.addParameter(argument)
        continue
      }
      if argument == "--" {
        if let file = rest.popFirst() { parsed.file = file }
        continue
      }
      if argument.hasPrefix("-") && argument != "-" {
        try parsed.apply(option: argument, from: &rest)
      } else {
        parsed.file = argument
      }
    }
    if parsed.atomic && parsed.keepGoing {
      throw UsageError(
        message:
          "--atomic and --keep-going cannot be combined: an atomic run stops at its first failure")
    }
    if parsed.command != nil && parsed.file != nil {
      throw UsageError(message: "give either -c COMMANDS or a script FILE, not both")
    }
    return parsed
  }

  private static func parseInit(_ arguments: ArraySlice<String>, into parsed: Arguments)
    throws(UsageError) -> Arguments
  {
    var parsed = parsed
    var rest = arguments
    var folder: String?
    while let argument = rest.popFirst() {
      if argument == "--marking" || argument.hasPrefix("--marking=") {
        let inline = argument.hasPrefix("--marking=") ? String(argument.dropFirst(10)) : nil
        guard let value = inline ?? rest.popFirst(), !value.isEmpty else {
          throw UsageError(message: "--marking needs a value")
        }
        parsed.marking = value
      } else if folder == nil && !argument.hasPrefix("-") {
        folder = argument
      } else {
        throw UsageError(message: "usage: ior init [DIR] [--marking TEXT], not '\(argument)'")
      }
    }
    parsed.initialize = .some(folder)
    return parsed
  }

  private mutating func addParameter(_ argument: String) throws(UsageError) {
    guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
      throw UsageError(message: "script parameters are name=value, not '\(argument)'")
    }
    parameters[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
  }

  private mutating func apply(option argument: String, from rest: inout ArraySlice<String>)
    throws(UsageError)
  {
    var name = argument
    var inlineValue: String?
    if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
      name = String(argument[..<equals])
      inlineValue = String(argument[argument.index(after: equals)...])
    }
    if Self.valueOptions.contains(name) {
      guard let value = inlineValue ?? rest.popFirst() else {
        throw UsageError(message: "\(name) needs a value")
      }
      switch name {
      case "--store": store = value
      case "--user": user = value
      case "--format": format = value
      case "--answers": answersFile = value
      case "--marking": marking = value
      default: command = value
      }
      return
    }
    switch name {
    case "--keep-going": keepGoing = true
    case "--dry-run": dryRun = true
    case "--atomic": atomic = true
    case "--version": showVersion = true
    case "--help", "-h": showHelp = true
    case "--reference": printReference = true
    case "--no-rc": noRC = true
    case "--no-pager": noPager = true
    case "--yes": assumeYes = true
    default:
      let known = Self.valueOptions + Self.flagOptions
      let hint = Suggestion.closest(to: name, in: known).map { "; did you mean '\($0)'?" } ?? ""
      throw UsageError(message: "unknown option '\(name)'\(hint) (ior --help)")
    }
  }

  static let usage = """
    usage: ior [options]                      the interactive shell
           ior [options] FILE [name=value...] run a script
           ior [options] -c 'COMMANDS'        run commands (';' between them)
           COMMANDS | ior [options]           run commands from standard input
           ior init [DIR] [--marking TEXT]    make a new, empty store (marking: CUI)

    options:
      --store DIR     the store folder (else $IOR_STORE, else ./store when it exists,
                      else $XDG_DATA_HOME/ior/store)
      --user NAME     who the journal records (else $IOR_USER, else the login name;
                      an empty NAME counts as none given)
      --format F      default output format: table, json, csv or md
      --keep-going    run on after a failing command; exit non-zero at the end
      --dry-run       run everything, write nothing, print a diff of each change
      --atomic        the whole run is one transaction: all of it or none
      --answers FILE  answers for checklist steps (a JSON object: question id -> answer)
      --yes           remove without asking (needed for remove in batch)
      --no-rc         skip the start-up file ($XDG_CONFIG_HOME/ior/iorrc)
      --no-pager      never page long output
      --version       print the version
      --help          this text

    Inside the shell, 'help' lists every command. Exit codes: 'help exit-codes'.

    """
}

/// A mistake on the command line; exits 64.
struct UsageError: Error {
  var message: String
}
