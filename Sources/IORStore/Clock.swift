#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wall-clock time in the forms the store writes, without Foundation.
public enum Clock {
  /// Now in UTC as ISO 8601 with seconds: `2026-12-03T19:45:35Z`.
  public static func timestamp() -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    return String(
      format4(Int(parts.tm_year) + 1900) + "-" + two(Int(parts.tm_mon) + 1) + "-"
        + two(Int(parts.tm_mday)) + "T" + two(Int(parts.tm_hour)) + ":" + two(Int(parts.tm_min))
        + ":" + two(Int(parts.tm_sec)) + "Z")
  }

  /// Today's date in the local time zone as year, month and day.
  public static func today() -> (year: Int, month: Int, day: Int) {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
  }

  private static func two(_ number: Int) -> String {
    number < 10 ? "0\(number)" : String(number)
  }

  private static func format4(_ number: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: max(0, 4 - text.count)) + text
  }
}
