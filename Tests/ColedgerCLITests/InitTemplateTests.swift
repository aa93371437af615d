import Foundation
import Testing

@Suite struct InitTemplateTests {
    @Test func initWithTheTemplateRecordsThePublishedPlan() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let i = try cli.run("init", "--origin", "test.example/amhe", "--template", "rethink-amhe")
        #expect(i.status == 0, "\(i.stderr)")
        #expect(i.stdout.contains("10 bodies, 23 actions"), "\(i.stdout)")
        let log = try cli.run("log", "--json", "--limit", "100000")
        #expect(log.status == 0, "\(log.stderr)")
        let lines = log.stdout.split(separator: "\n")
        #expect(lines.count == 50)
        #expect(lines.filter { $0.contains("\"type\":\"action.created\"") }.count == 23)
        #expect(lines.filter { $0.contains("\"type\":\"body.established\"") }.count == 10)
        #expect(lines.first?.contains("\"planId\":\"amhe-plan\"") == true)
        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func theTemplateNeedsThePCREFCatalogue() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let i = try cli.run("init", "--origin", "test.example/amhe", "--catalogue", "none", "--template", "rethink-amhe")
        #expect(i.status == 1)
        #expect(i.stderr.contains("--catalogue pcref"), "\(i.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.ledger))
    }

    @Test func anUnknownTemplateIsRefusedBeforeAnythingIsWritten() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let i = try cli.run("init", "--origin", "test.example/amhe", "--template", "no-such-plan")
        #expect(i.status == 1)
        #expect(i.stderr.contains("rethink-amhe"), "\(i.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.ledger))
        #expect(!FileManager.default.fileExists(atPath: cli.keys.path))
    }
}
