import Foundation
import Scenario

/// Helpers of the command tests (`hetfirm index`, `hetfirm weights`): a file written into a test's folder,
/// and the message of what a command throws.
enum CommandTestFiles {
    /// Writes `text` to `folder/name` and returns the path.
    static func write(_ text: String, _ name: String, in folder: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The message of the error `body` throws (an ``InvalidInput``'s description), or nil when it succeeds.
    static func message(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as InvalidInput {
            return error.description
        } catch {
            return "\(error)"
        }
    }
}
