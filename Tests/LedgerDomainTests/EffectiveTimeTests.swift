import LedgerCore
import LedgerDomain
import Testing

/// The one effective time: the envelope's `occurredAt`, restated faithfully by payload dates.
@Suite struct EffectiveTimeTests {
    @Test func everyDemoDraftRestatesItsEffectiveTimeFaithfully() throws {
        let generator = try DemoGeneratorTests.generator()
        var checked = 0
        for step in DemoGeneratorTests.steps(generator) {
            guard let occurredAt = step.draft["occurredAt"]?.stringValue, let payload = step.draft["payload"]?.objectValue else {
                Issue.record("demo draft \(step.type) without occurredAt or payload")
                continue
            }
            if EffectiveTime.members[step.type] != nil { checked += 1 }
            let refusal = EffectiveTime.mismatch(type: step.type, occurredAt: occurredAt, payload: payload)
            #expect(refusal == nil, "\(step.type): \(refusal.map(\.description) ?? "")")
        }
        #expect(checked > 500, "only \(checked) demo events restate a date")
    }

    @Test func aMismatchNamesTheMember() throws {
        let time = EffectiveTime.mismatch(
            type: "feedback.received", occurredAt: "2026-03-02T10:15:01Z", payload: ["receivedAt": "2026-03-02T10:15:00Z"])
        #expect(time?.rule == "time")
        #expect(time?.pointer == "/payload/receivedAt")
        #expect(time?.description.contains("disagrees with the event's effective time") == true)
        // A time member is the same instant whatever the fraction of a second.
        #expect(EffectiveTime.mismatch(type: "feedback.acknowledged", occurredAt: "2026-03-02T10:15:00.250Z", payload: ["at": "2026-03-02T10:15:00Z"]) == nil)
        // A date member is the same UTC day.
        #expect(EffectiveTime.mismatch(type: "role.assigned", occurredAt: "2026-01-01T23:59:59Z", payload: ["from": "2026-01-01"]) == nil)
        let day = EffectiveTime.mismatch(type: "role.assigned", occurredAt: "2026-01-02T00:00:00Z", payload: ["from": "2026-01-01"])
        #expect(day?.pointer == "/payload/from")
        // Dates that are not effective times (a deadline, a review date) are not compared.
        #expect(EffectiveTime.mismatch(type: "action.created", occurredAt: "2026-01-02T00:00:00Z", payload: ["dueDate": "2027-01-01"]) == nil)
    }

    @Test func theVerbsDatesComeFromTheOneEffectiveTime() {
        let members = EffectiveTime.payloadMembers(type: "member.left", at: "2025-11-03T09:30:00Z")
        #expect(members == ["to": "2025-11-03"])
        #expect(EffectiveTime.payloadMembers(type: "feedback.received", at: "2025-11-03T09:30:00Z") == ["receivedAt": "2025-11-03T09:30:00Z"])
        #expect(EffectiveTime.payloadMembers(type: "meeting.held", at: "2025-11-03T09:30:00Z").isEmpty)
        #expect(EffectiveTime.implied(type: "role.assigned", payload: ["from": "2025-04-01"]) == "2025-04-01T00:00:00Z")
        #expect(EffectiveTime.implied(type: "feedback.received", payload: ["receivedAt": "2025-04-01T08:00:00Z"]) == "2025-04-01T08:00:00Z")
        #expect(EffectiveTime.implied(type: "role.assigned", payload: ["from": "April"]) == nil)
        #expect(EffectiveTime.implied(type: "meeting.held", payload: [:]) == nil)
    }

    @Test func theFutureIsRefusedWithinTheSkew() {
        let now = "2026-03-02T10:00:00Z"
        #expect(EffectiveTime.future(occurredAt: "2026-03-02T10:04:59Z", now: now) == nil)
        let refusal = EffectiveTime.future(occurredAt: "2026-03-02T10:05:01Z", now: now)
        #expect(refusal?.rule == "time" && refusal?.pointer == "/occurredAt")
        #expect(refusal?.description.contains("in the future") == true)
    }
}
