import ArgumentParser
import Foundation
import Scenario

extension Hetfirm {
    /// `hetfirm index …`: a composite index (projection pursuit, entropy weights, PCA) of a CSV.
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Composite indices: projection pursuit (paper 000's INTER, RAGA), entropy weights and PCA (paper 001).",
            discussion: """
                Examples:
                  hetfirm index provinces.csv --method projection-pursuit --indicators postal,penetration,cable,exchange --id province --by year
                  hetfirm index provinces.csv --method entropy --indicators a,b,c --negative c --id province --by year --out dig.csv
                  hetfirm index provinces.csv --method pca --indicators a,b,c --components share:0.85 --json
                Projection pursuit works year by year (--by): min–max per (indicator, year) + α = 0.01, Q(a) = S_z·D_z,
                ‖a‖ = 1 with a ≥ 0, maximised by RAGA (--seed) and checked by a deterministic multi-start Nelder–Mead
                (exit code 3 when they disagree). Entropy and PCA pool all rows unless --weights by-year.
                --out FILE writes the index (FILE.csv: id,year,index; FILE.json or --json: JSON; otherwise text) and never
                replaces an existing file without --force. See docs/estimators/indices.md.
                """)

        @Argument(help: "A CSV file with a header row.") var data: String
        @Option(help: "projection-pursuit, entropy or pca.") var method: String
        @Option(help: "The indicator columns, comma-separated.") var indicators: String
        @Option(help: "The region id column (reported with each row; each (id, year) must be unique).") var id: String?
        @Option(help: "The year column: projection pursuit normalises and optimises per year; --weights by-year uses it too.")
        var by: String?
        @Option(help: "Indicators where larger is worse, comma-separated (their normalisation is reversed).") var negative: String?
        @Option(help: "Projection pursuit: the master seed of RAGA's streams.") var seed: UInt64?
        @Option(help: "Projection pursuit: sd:C (R = C·S_z, default sd:0.1), max:C (R = C·max|z_i − z_k|) or a fixed R.") var radius: String?
        @Option(help: "Projection pursuit: all (ordered pairs, i = k included; default) or distinct (i < k) in D_z.") var pairs: String?
        @Flag(help: "Projection pursuit: search a ∈ [−1, 1]^J instead of [0, 1]^J.") var allowNegativeDirections = false
        @Option(help: "Projection pursuit: years solved at once (the result is the same for any value).") var threads = 1
        @Option(help: "α of eq. (15) for projection pursuit (default 0.01); s added after min–max for entropy (default 0).") var shift: Double?
        @Option(help: "Entropy and pca: pooled (default) or by-year.") var weights: String?
        @Option(help: "Pca: kaiser (eigenvalue > 1, default), eigenvalue:T, share:C or count:K.") var components: String?
        @Flag(help: "Print (or write) JSON.") var json = false
        @Option(help: "Write to this file instead of printing (never replaces an existing file without --force).") var out: String?
        @Flag(help: "Replace an existing --out file (never a folder, a link or the input).") var force = false
        @Option(help: "Field separator of DATA: ',', ';', 'tab' or '|' (default: detected).") var delimiter: String?

        func run() throws {
            var request = DataIndex.Request(dataPath: data, method: method, indicators: indicators)
            request.idColumn = id
            request.yearColumn = by
            request.negative = negative
            request.seed = seed
            request.radius = radius
            request.pairs = pairs
            request.allowNegativeDirections = allowNegativeDirections
            request.threads = threads
            request.shift = shift
            request.weights = weights
            request.components = components
            request.json = json
            request.delimiter = delimiter
            request.output.path = out
            request.output.force = force
            try DataCommandOutcome.run({ try DataIndex.run(request) }, text: \.text, warnings: \.warnings)
        }
    }
}
