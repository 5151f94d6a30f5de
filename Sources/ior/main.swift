import IORDomain
import IORLineEditor
import IORShell
import IORStore

// The ior executable: command line, terminal and signals. Everything else is in the libraries.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@MainActor
func fail(_ message: String, _ code: ExitCode) -> Never {
  Terminal.writeError("ior: " + message + "\n")
  exit(code.rawValue)
}

@MainActor
func main() -> Never {
  let arguments: Arguments
  do {
    arguments = try Arguments.parse(Array(CommandLine.arguments.dropFirst()))
  } catch {
    Terminal.writeError("ior: " + error.message + "\n")
    exit(ExitCode.usage.rawValue)
  }
  if arguments.showHelp {
    Terminal.writeOut(Arguments.usage)
    exit(0)
  }
  if arguments.showVersion {
    Terminal.writeOut("ior " + Version.current + "\n")
    exit(0)
  }
  if arguments.printReference {
    Terminal.writeOut(Help.markdownReference())
    exit(0)
  }
  if let target = arguments.initialize {
    Launcher.initialize(target ?? Environment.defaultStorePath(), marking: arguments.marking)
  }
  let launcher = Launcher(arguments: arguments)
  exit(launcher.run().rawValue)
}

main()
