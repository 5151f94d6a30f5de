// swift-tools-version:6.0
import PackageDescription

// The layers, bottom to top; nothing imports upward:
//   IORStore (documents on disk) <- IORDomain (reviews) <- IORShell (commands) <- ior (terminal)
let package = Package(
  name: "ior",
  products: [
    .executable(name: "ior", targets: ["ior"])
  ],
  targets: [
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "CLineEditShim", dependencies: ["CLibEdit"]),
    .target(name: "CFileSystemShim"),
    .target(name: "IORStore", dependencies: ["CFileSystemShim"]),
    .target(name: "IORDomain", dependencies: ["IORStore"]),
    .target(name: "IORShell", dependencies: ["IORDomain", "IORStore"]),
    .target(name: "IORLineEditor", dependencies: ["CLineEditShim"]),
    .executableTarget(
      name: "ior",
      dependencies: ["IORShell", "IORLineEditor", "IORDomain", "IORStore"],
      // Release builds link the Swift runtime in and skip position independence: start-up then
      // loads 4 shared libraries instead of 14 and applies no 22,000 relocations, which matters
      // when a script calls `ior -c ...` in a loop. Debug builds stay as they are, because the
      // test runner links this target's code together with Foundation's.
      linkerSettings: [
        .unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie"], .when(configuration: .release))
      ]
    ),
    .executableTarget(name: "ior-store-stress", dependencies: ["IORStore"]),
    .executableTarget(name: "ior-generate", dependencies: ["IORDomain", "IORShell", "IORStore"]),
    // Starts programs for the tests without Foundation's Process (see ChildProcess.swift).
    .target(name: "ChildProcess", path: "Tests/ChildProcess"),
    .testTarget(
      name: "IORStoreTests", dependencies: ["IORStore", "ior-store-stress", "ChildProcess"]),
    .testTarget(
      name: "IORDomainTests", dependencies: ["IORDomain", "IORStore"], exclude: ["Golden"]),
    .testTarget(name: "IORShellTests", dependencies: ["IORShell"]),
    .testTarget(name: "EndToEndTests", dependencies: ["ior", "ChildProcess"]),
  ],
  swiftLanguageModes: [.v6]
)
