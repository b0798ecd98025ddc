/// Validation of file stems used for `.dat`, `.gp` and image names.
public enum FileStem {
    /// Accepts letters, digits, `.`, `_` and `-`, not starting with `.`, so a stem can never name
    /// a directory, a hidden file or a path outside the output folder.
    static func validate(_ stem: String) throws {
        let allowed = stem.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
        guard !stem.isEmpty, allowed, !stem.hasPrefix(".") else {
            throw ReportingError.invalidStem(stem)
        }
    }

    /// A file-name-safe stem made from `text`: letters, digits, '.', '_' and '-' kept, runs of anything
    /// else become '-', no leading '-' or '.'; "estimate" when nothing is left.
    public static func of(_ text: String) -> String {
        var stem = ""
        for character in text {
            if character.isASCII, character.isLetter || character.isNumber || "._-".contains(character) {
                stem.append(character)
            } else if !stem.hasSuffix("-") {
                stem.append("-")
            }
        }
        while stem.hasSuffix("-") { stem.removeLast() }
        while stem.hasPrefix("-") || stem.hasPrefix(".") { stem.removeFirst() }
        return stem.isEmpty ? "estimate" : stem
    }
}
