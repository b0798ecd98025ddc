/// A GitHub-flavoured Markdown table with padded, aligned columns.
public struct MarkdownTable: Sendable, Equatable {
    /// Horizontal alignment of a column.
    public enum Alignment: String, Sendable, Codable, CaseIterable {
        /// Left-aligned (`:---`).
        case left
        /// Right-aligned (`---:`), the usual choice for numbers.
        case right
        /// Centred (`:---:`).
        case center
    }

    /// Column headers.
    public let header: [String]
    /// Body rows; rows shorter than the widest row are padded with empty cells.
    public let rows: [[String]]
    /// Alignment per column; columns without one are left-aligned.
    public let alignments: [Alignment]

    /// Creates a table.
    /// - Parameters:
    ///   - header: column headers.
    ///   - rows: body rows of cells.
    ///   - alignments: alignment per column (`nil`: all left-aligned).
    public init(header: [String], rows: [[String]], alignments: [Alignment]? = nil) {
        self.header = header
        self.rows = rows
        self.alignments = alignments ?? []
    }

    /// The table as Markdown, one line per row, ending with a newline. Pipes in cells are escaped
    /// and line breaks become spaces.
    public func render() -> String {
        let columnCount = max(header.count, rows.map(\.count).max() ?? 0)
        guard columnCount > 0 else { return "" }
        let cells = ([header] + rows).map { row in
            (0..<columnCount).map { $0 < row.count ? Self.escape(row[$0]) : "" }
        }
        let widths = (0..<columnCount).map { column in
            max(3, cells.map { $0[column].count }.max() ?? 0)
        }
        let alignment = (0..<columnCount).map { $0 < alignments.count ? alignments[$0] : .left }

        var lines: [String] = []
        lines.append(line(cells[0], widths: widths, alignment: alignment))
        lines.append("| " + (0..<columnCount).map { Self.separator(width: widths[$0], alignment: alignment[$0]) }
            .joined(separator: " | ") + " |")
        for row in cells.dropFirst() {
            lines.append(line(row, widths: widths, alignment: alignment))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(_ cells: [String], widths: [Int], alignment: [Alignment]) -> String {
        let padded = cells.indices.map { Self.pad(cells[$0], to: widths[$0], alignment: alignment[$0]) }
        return "| " + padded.joined(separator: " | ") + " |"
    }

    private static func pad(_ text: String, to width: Int, alignment: Alignment) -> String {
        let space = max(width - text.count, 0)
        switch alignment {
        case .left: return text + String(repeating: " ", count: space)
        case .right: return String(repeating: " ", count: space) + text
        case .center:
            let left = space / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: space - left)
        }
    }

    private static func separator(width: Int, alignment: Alignment) -> String {
        switch alignment {
        case .left: return ":" + String(repeating: "-", count: width - 1)
        case .right: return String(repeating: "-", count: width - 1) + ":"
        case .center: return ":" + String(repeating: "-", count: width - 2) + ":"
        }
    }

    private static func escape(_ cell: String) -> String {
        var escaped = ""
        for character in cell {
            if character == "|" {
                escaped += "\\|"
            } else if character.isNewline {
                escaped += " "
            } else {
                escaped.append(character)
            }
        }
        return escaped
    }
}
