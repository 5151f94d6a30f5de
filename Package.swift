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
      dependencies: ["IORShell", "IORLineEditor", "IORDomain", "IORStore"]
    ),
    .executableTarget(name: "ior-store-stress", dependencies: ["IORStore"]),
    .executableTarget(name: "ior-generate", dependencies: ["IORDomain", "IORStore"]),
    .testTarget(name: "IORStoreTests", dependencies: ["IORStore", "ior-store-stress"]),
    .testTarget(
      name: "IORDomainTests", dependencies: ["IORDomain", "IORStore"], exclude: ["Golden"]),
    .testTarget(name: "IORShellTests", dependencies: ["IORShell"]),
    .testTarget(name: "EndToEndTests", dependencies: ["ior"]),
  ],
  swiftLanguageModes: [.v6]
)
