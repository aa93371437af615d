// The default audit policy, embedded so the binary needs no data files. It must be byte-for-byte
// Schemas/audit/policy.v1.json (AuditPolicyTests checks); edit that file and copy it here.
extension AuditPolicy {
    /// The text of `Schemas/audit/policy.v1.json`, embedded.
    public static let defaultText = #"""
{
  "policy": "coledger-audit/v1",
  "description": "Parameters of the accountability rules (DOMAIN.md section 9 defaults). An organisation sets its own; the report prints this file's SHA-256.",
  "feedback": {
    "acknowledgeWithinWorkingDays": 3,
    "respondWithinDays": 90,
    "statusUpdateEveryDays": 30
  },
  "governance": {
    "ebeMinCount": 1,
    "ebeMinShare": null,
    "ebeCategories": ["ebe_lived", "ebe_carer"],
    "exemptBodyTypes": []
  },
  "coproduction": {
    "traceContributionsWithinDays": 90,
    "fromBodies": ["B-LEAB", "B-CAB", "B-EBE-WG", "B-REGFORUM"]
  },
  "plan": {
    "seedActions": ["LG-1", "LG-2", "LG-3", "LG-4", "LG-5", "ST-1", "ST-2", "PW-1", "PW-2", "WF-1", "WF-2", "WF-3", "WF-4", "WF-5", "MHS-1", "MHS-2", "MHS-3", "DF-1", "DF-2", "DF-3", "DF-4", "DF-5", "DF-6"],
    "staleActionDays": 30,
    "reviewEveryMonths": 6,
    "reviewGraceDays": 30,
    "publishEveryMonths": 12,
    "publishGraceDays": 30,
    "placeBasedProjectsTarget": 3,
    "placeBasedProjectsDue": "2028-03-31",
    "planStart": "2023-04-01"
  },
  "privacy": {
    "eraseWithinDays": 30
  },
  "bankHolidays": {
    "source": "https://www.gov.uk/bank-holidays (England and Wales)",
    "dates": [
      "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26",
      "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26",
      "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26",
      "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
      "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
      "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"
    ]
  }
}

"""#
}
