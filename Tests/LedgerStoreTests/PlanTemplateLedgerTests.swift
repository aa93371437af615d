import Foundation
import LedgerCore
import LedgerDomain
import LedgerStore
import Testing

@Suite struct PlanTemplateLedgerTests {
    /// A PCREF ledger created with the template's genesis members, in a fresh temporary folder.
    struct PCREFLedger {
        let directory: URL
        let ledger: Ledger
        let admin: Ed25519SigningKey

        init(template: PlanTemplate) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("coledger-template-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let logKey = try Ed25519SigningKey(seed: [UInt8](repeating: 1, count: 32))
            admin = try Ed25519SigningKey(seed: [UInt8](repeating: 2, count: 32))
            ledger = try Ledger.create(
                path: directory.appendingPathComponent("ledger.db").path, origin: "test.example/amhe", logKey: logKey,
                admins: [admin], occurredAt: "2023-04-01T09:00:00Z", policy: DomainPolicy.standard,
                genesisPayload: template.genesisPayload)
        }

        func remove() {
            try? FileManager.default.removeItem(at: directory)
        }
    }

    @Test func theTemplateIsAdmittedByThePCREFPolicyAndVerifies() throws {
        let template = try PlanTemplate.named("rethink-amhe")
        let t = try PCREFLedger(template: template)
        defer { t.remove() }
        let results = try t.ledger.append(template.events.map { ($0, t.admin) })
        #expect(results.count == template.events.count)
        #expect(results.allSatisfy { !$0.duplicate })
        #expect(try t.ledger.size() == 1 + template.events.count)
        #expect(try t.ledger.verify().ok)
        let genesis = try #require(try t.ledger.entry(at: 0))
        #expect(genesis.entry.event.payload["planId"] == "amhe-plan")
        let types = try t.ledger.entries(from: 1, limit: 100).map(\.entry.event.type)
        #expect(types.filter { $0 == "action.created" }.count == 23)
        #expect(types.filter { $0 == "body.established" }.count == 10)
    }

    @Test func aSecondUseIsRefusedAndAppendsNothing() throws {
        let template = try PlanTemplate.named("rethink-amhe")
        let t = try PCREFLedger(template: template)
        defer { t.remove() }
        _ = try t.ledger.append(template.events.map { ($0, t.admin) })
        let size = try t.ledger.size()
        #expect {
            try t.ledger.append(template.events.map { ($0, t.admin) })
        } throws: { error in
            guard let error = error as? LedgerError, case .inBatch(_, .refusedByPolicy(_, let refusal)) = error else { return false }
            return refusal.rule == "reference" && refusal.reason.contains("already exists")
        }
        #expect(try t.ledger.size() == size)
        #expect(try t.ledger.verify().ok)
    }

    @Test func theActionsNeedTheirRolesAndPlanFirst() throws {
        let template = try PlanTemplate.named("rethink-amhe")
        let t = try PCREFLedger(template: template)
        defer { t.remove() }
        let actions = template.events.filter { $0["type"]?.stringValue == "action.created" }
        #expect(throws: LedgerError.self) { try t.ledger.append(actions.map { ($0, t.admin) }) }
        #expect(try t.ledger.size() == 1)
    }
}
