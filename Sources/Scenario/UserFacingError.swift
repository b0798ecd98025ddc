import Foundation

/// The one-line text the CLI prints for an error that has no more specific handling: hetfirm's own
/// errors by their description, Foundation's file, JSON-encoding and decoding errors in plain words
/// instead of their raw dumps (`Error Domain=NSCocoaErrorDomain Code=…`, `EncodingError.invalidValue(…)`).
public enum UserFacingError {
    /// The text after `error: `.
    public static func message(for error: any Error) -> String {
        switch error {
        case let error as EncodingError:
            return encoding(error)
        case let error as DecodingError:
            return decoding(error)
        case let error as CocoaError:
            return file(error)
        default:
            let bridged = error as NSError
            if bridged.domain == NSCocoaErrorDomain || bridged.domain == NSPOSIXErrorDomain {
                let path = (bridged.userInfo[NSFilePathErrorKey] as? String).map { "\($0): " } ?? ""
                return path + bridged.localizedDescription
            }
            return String(describing: error)
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "the top level" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func encoding(_ error: EncodingError) -> String {
        switch error {
        case .invalidValue(let value, let context):
            if let number = value as? Double, !number.isFinite {
                return "could not write \(path(context.codingPath)) = \(number) as JSON, which has no NaN or infinity"
            }
            return "could not write \(path(context.codingPath)) as JSON: \(context.debugDescription)"
        @unknown default:
            return "could not write JSON"
        }
    }

    private static func decoding(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            return "the file is not valid JSON at \(path(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "the JSON lacks the key '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "the JSON has a value of the wrong type at \(path(context.codingPath))"
        @unknown default:
            return "the JSON could not be read"
        }
    }

    private static func file(_ error: CocoaError) -> String {
        let path = error.filePath ?? error.url?.path
        let reason: String
        switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: reason = "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: reason = "permission denied"
        case .fileWriteOutOfSpace: reason = "the disk is full"
        case .fileWriteFileExists: reason = "a file or folder of that name already exists"
        case .fileReadCorruptFile, .fileReadInapplicableStringEncoding: reason = "the file is not readable text"
        case .fileWriteInvalidFileName: reason = "the name is not a valid file name (too long, or a parent is not a folder)"
        default: reason = error.localizedDescription
        }
        return (path.map { "\($0): " } ?? "") + reason
    }
}
