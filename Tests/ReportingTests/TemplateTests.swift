import Foundation
import Testing
import TestSupport
@testable import Reporting

@Suite struct TemplateTests {
    @Test func embeddedTemplatesMatchPlotsDirectory() throws {
        let plots = Repository.path("plots")
        let names = try FileManager.default.contentsOfDirectory(atPath: plots).filter { $0.hasSuffix(".gp") }.sorted()
        #expect(!names.isEmpty, "no templates found in \(plots)")
        let hint = "the embedded gnuplot templates are stale: run `sh plots/embed-templates.sh`"
        #expect(names == GnuplotTemplates.embedded.keys.sorted(), "\(hint)")
        for name in names {
            let canonical = try String(contentsOfFile: (plots as NSString).appendingPathComponent(name), encoding: .utf8)
            #expect(GnuplotTemplates.embedded[name] == canonical, "\(name): \(hint)")
        }
    }
}
