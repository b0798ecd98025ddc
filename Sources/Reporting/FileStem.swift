/// Validation of file stems used for `.dat`, `.gp` and image names.
enum FileStem {
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
}
