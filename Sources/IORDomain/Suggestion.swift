/// Finds what the user probably meant.
public enum Suggestion {
  /// The closest candidate by edit distance (Damerau-Levenshtein, case-insensitive), or a
  /// candidate that the input is a prefix of; nil when nothing is reasonably close
  /// (distance > max(1, input.count / 3) and not a prefix).
  ///
  /// Ties go to a candidate the input is a prefix of, then to the earlier candidate, so callers
  /// control preference by ordering. An empty input suggests nothing: it is a prefix of
  /// everything and so says nothing about intent.
  public static func closest(to input: String, in candidates: [String]) -> String? {
    // Nothing a user means is longer than an id (64): a pasted page is not compared with
    // every command, which would cost its length times theirs.
    guard !input.isEmpty, input.utf8.count <= 64 else {
      return nil
    }
    let typed = Array(input.lowercased())
    let limit = max(1, typed.count / 3)
    var best: (candidate: String, distance: Int, isPrefix: Bool)?
    for candidate in candidates {
      let target = Array(candidate.lowercased())
      let isPrefix = target.starts(with: typed)
      let distance = editDistance(typed, target)
      guard distance <= limit || isPrefix else {
        continue
      }
      if let current = best {
        let better =
          distance < current.distance
          || (distance == current.distance && isPrefix && !current.isPrefix)
        guard better else {
          continue
        }
      }
      best = (candidate, distance, isPrefix)
    }
    return best?.candidate
  }

  /// "; did you mean 'x'?" or "" — to append to an error message.
  public static func didYouMean(_ input: String, in candidates: [String]) -> String {
    guard let match = closest(to: input, in: candidates) else {
      return ""
    }
    return "; did you mean '\(match)'?"
  }

  /// Optimal-string-alignment Damerau-Levenshtein: a swap of two neighbours costs one edit,
  /// which is the commonest typing slip ("defiicency", "sttaus").
  static func editDistance(_ source: [Character], _ target: [Character]) -> Int {
    if source.isEmpty {
      return target.count
    }
    if target.isEmpty {
      return source.count
    }
    // Three rolling rows instead of a full matrix: the swap rule looks back two rows only.
    var beforePrevious = [Int](repeating: 0, count: target.count + 1)
    var previous = Array(0...target.count)
    var current = [Int](repeating: 0, count: target.count + 1)
    for row in 1...source.count {
      current[0] = row
      for column in 1...target.count {
        let cost = source[row - 1] == target[column - 1] ? 0 : 1
        var value = min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
        if isSwap(source, target, row, column) {
          value = min(value, beforePrevious[column - 2] + 1)
        }
        current[column] = value
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[target.count]
  }

  private static func isSwap(
    _ source: [Character],
    _ target: [Character],
    _ row: Int,
    _ column: Int
  ) -> Bool {
    row > 1 && column > 1
      && source[row - 1] == target[column - 2]
      && source[row - 2] == target[column - 1]
  }
}
