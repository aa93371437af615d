// The default audit policy, embedded so the binary needs no data files. It must be byte-for-byte
// Schemas/audit/policy.v1.json (AuditPolicyTests checks); edit that file and copy it here.
extension AuditPolicy {
    /// The text of `Schemas/audit/policy.v1.json`, embedded.
    public static let defaultText = #"""
{
  "policy": "coledger-audit/v1",
  "description": "Parameters of the accountability rules (DOMAIN.md section 9 defaults; where section 9 is silent, the value is Coledger's and says so in Schemas/audit/policy.v1.schema.json). An organisation sets its own: a policy file needs only the members it changes, the rest keep these values. The report prints the SHA-256 of the file it was given.",
  "feedback": {
    "acknowledgeWithinWorkingDays": 3,
    "respondWithinDays": 90,
    "statusUpdateEveryDays": 30
  },
  "governance": {
    "ebeMinCount": 1,
    "ebeMinShare": null,
    "ebeCategories": ["ebe_lived", "ebe_carer"],
    "staffCategories": ["staff"],
    "exemptBodyTypes": [],
    "championRole": "R-CHAMPION",
    "championBody": "B-TRUSTEES",
    "maxVacancyDays": 30,
    "practiceForum": "B-AMHEPF",
    "practiceForumFacilitatorRoles": ["R-DIR-EDI", "R-HEAD-RJE"],
    "inclusionBoard": "B-EIB",
    "inclusionBoardChairRole": "R-DCEO",
    "boardUpdateBodies": ["B-TRUSTEES", "B-REPB"],
    "boardUpdateEveryMonths": 6,
    "boardUpdateModes": ["verbal", "written"],
    "representationReviewEveryMonths": 12,
    "representationReviewGraceDays": 30,
    "regionalForumBodyType": "B-REGFORUM",
    "regionalLeadRole": "R-REG-LEAD",
    "regionalSetUpWithinMonths": 12,
    "minutesApprovedWithinMeetings": 2
  },
  "coproduction": {
    "traceContributionsWithinDays": 90,
    "fromBodies": ["B-LEAB", "B-CAB", "B-EBE-WG", "B-REGFORUM"],
    "ebeBodyTypes": ["B-LEAB", "B-CAB", "B-EBE-WG"],
    "exemptFoundingPlan": true,
    "coproducedMetricScopes": ["regional", "local"],
    "disparityMetricCodes": ["M-SUES"],
    "disparityActionWithinDays": 90,
    "recognitionSettledWithinDays": 30
  },
  "plan": {
    "seedActions": ["LG-1", "LG-2", "LG-3", "LG-4", "LG-5", "ST-1", "ST-2", "PW-1", "PW-2", "WF-1", "WF-2", "WF-3", "WF-4", "WF-5", "MHS-1", "MHS-2", "MHS-3", "DF-1", "DF-2", "DF-3", "DF-4", "DF-5", "DF-6"],
    "competencies": ["C-CA", "C-SKA", "C-PW", "C-CP", "C-WF", "C-CL"],
    "staleActionDays": 30,
    "reviewEveryMonths": 6,
    "reviewGraceDays": 30,
    "publishEveryMonths": 12,
    "publishGraceDays": 30,
    "placeBasedProjectsTarget": 3,
    "placeBasedProjectsDue": "2028-03-31",
    "planStart": "2023-04-01",
    "servicePlanWithinMonths": 12,
    "servicePlanPartnerTypes": ["vcse", "ethnically_led_vcse", "faith"],
    "regionalPartnerTypes": [["local_authority"], ["icb", "ics"], ["advocacy"]],
    "planReportWithinDays": 30
  },
  "monitoring": {
    "evaluatorCategory": "independent_evaluator",
    "payGapMetricCode": "M-EPG",
    "payGapEveryMonths": 12,
    "currentReportTypes": ["edi_strategic_plan", "staff_networks_action_plan"],
    "currentReportMaxAgeYears": 3,
    "exitInterviewMetricCode": "M-EXIT",
    "completenessMetricCodes": ["M-SUD", "M-WFD"],
    "impactMetricCode": "M-IMPACT",
    "protectedCharacteristics": {
      "age": ["age"],
      "disability": ["disability"],
      "genderReassignment": ["gender_reassignment", "genderReassignment"],
      "marriageCivilPartnership": ["marriage_civil_partnership", "marriageCivilPartnership"],
      "pregnancyMaternity": ["pregnancy_maternity", "pregnancyMaternity"],
      "race": ["ethnicity", "ethnicity_group", "ethnicityGroup", "race"],
      "religionBelief": ["religion_belief", "religionBelief"],
      "sex": ["sex"],
      "sexualOrientation": ["sexual_orientation", "sexualOrientation"]
    },
    "satisfactionMetricCode": "M-SAT",
    "satisfactionGroups": ["partners", "service_users", "carers", "staff"],
    "satisfactionEveryMonths": 12,
    "graceDays": 30
  },
  "privacy": {
    "eraseWithinDays": 30,
    "specialCategoryTypes": ["equality.profile_recorded"],
    "suppressCountsFrom": 1,
    "suppressCountsTo": 7,
    "roundCountsTo": 5
  },
  "bankHolidays": {
    "calendar": "england-and-wales",
    "dates": []
  }
}

"""#
}
