// The rethink-amhe template, embedded so the binary needs no data files. It must be byte-for-byte
// Schemas/templates/rethink-amhe.v1.json (PlanTemplateTests checks): edit that file and copy it
// here, keeping the empty line before the closing delimiter (the file ends with a newline).
extension PlanTemplate {
    /// The text of `Schemas/templates/rethink-amhe.v1.json`.
    static let rethinkAMHEText = #"""
{
  "template": "rethink-amhe",
  "version": 1,
  "description": "Rethink Mental Illness's Advancing Mental Health Equalities (AMHE) Plan, its PCREF plan, as the events that record it: the 15 roles it names (role.defined), plan amhe-plan version 1 for 2023-04-01 to 2028-03-31 (plan.version_published), the 10 governance bodies (body.established) and the 23 actions LG-1 to DF-6 (action.created), all signed by the genesis admin key. The plan gives no due dates, so every action is due at the plan end, 2028-03-31.",
  "decisions": [
    "Order: roles, then the plan, then bodies, then actions, because the plan (ownerRoleId), the bodies (chair and facilitators) and the actions (ownerRoleId, planId) refer to roles and the plan, which must already exist.",
    "occurredAt is the plan start, 2023-04-01T09:00:00Z: the plan text gives no publication date (only a 2025 copyright year).",
    "The plan's docHash, and each body's torDocHash, is the SHA-256 of the published plan's text: no body has separate terms of reference yet. Record real terms with body.terms_amended.",
    "The plan is owned by R-DIR-EDI, who signs its foreword and facilitates its Practice Forum; R-DCEO is its executive sponsor. coDevelopedWith is empty: the plan names no contribution it was co-developed with, so rule C-2 reports the gap rather than the template claiming one.",
    "Every body gets the DOMAIN 9.1-9.2 default Expert-by-Experience presence rule (minCount 1, no minShare). Quorums are not in the plan: every body starts with a quorum of 3 members (enough for a chair or facilitator, a staff member and an Expert by Experience).",
    "Chairs and facilitators only where the plan names them: R-DCEO chairs B-EIB; R-DIR-EDI and R-HEAD-RJE facilitate B-AMHEPF. B-AMHEPF reports to B-EIB and B-EIB to B-TRUSTEES; no other parent is stated.",
    "Decision scopes: B-TRUSTEES, B-EIB and B-REPB strategic (oversight); B-AMHEPF operational (delivery); the forums, advisory boards, working groups and staff network advisory.",
    "B-REGFORUM is the body of all Regional Forums; the plan names no regions, so each region's forum (B-REGFORUM-<region>, parentBodyId B-REGFORUM) is established once its region is registered.",
    "Action owners: the plan names only the team that gives Board updates (LG-1, R-RJE-TEAM) and the Practice Forum's facilitators (LG-2, R-DIR-EDI). Otherwise: R-DIR-EDI for involvement and workforce, R-HEAD-RJE for race-equity training, partnerships and evaluation, R-REG-LEAD for regional and local partners, R-NAT-LEAD for national service measures, R-SVC-MGR for service data and service plans.",
    "Competencies: the plan's per-item KEY icons did not survive text extraction, so each action's competencies are read from its wording against the plan's Terminology; every action has at least one and every competency has at least one action.",
    "Pillars and objectives are tagged only where an action restates a pillar's name or an objective's 'We will' wording (PIL-1 on MHS-1 and MHS-3; OBJ-2 on MHS-2, MHS-3 and DF-4; OBJ-3 on DF-6); the other lists are empty. No action restates OBJ-1 (policy and campaigning).",
    "All actions are national and belong to plan amhe-plan; none has a source decision or feedback.",
    "The three PCREF parts, six competencies, six pillars, three objectives and six aims have no member in plan.version_published; they are listed under framework (reference data, not events), and competencies, pillars and objectives are carried on the actions as catalogue codes.",
    "People are not in the template: the plan names two officers, but people are registered under pseudonyms with their names in the private part, and their role.assigned events follow."
  ],
  "source": "seed 000_d23184ee463647ad.txt",
  "genesis": {
    "organisationId": "rethink",
    "planId": "amhe-plan",
    "planPeriod": {"from": "2023-04-01", "to": "2028-03-31"}
  },
  "framework": {
    "note": "Reference data from the seed, not events. Competency, pillar and objective codes are closed enums of the catalogue (Support/SharedEnums.swift) and tag the actions; parts and aims have no catalogue member.",
    "pcrefParts": [
      {
        "id": "P1",
        "name": "Leadership and governance",
        "carriedBy": "the governance bodies and the LG actions; obligations (obligation.registered) are recorded later"
      },
      {
        "id": "P2",
        "name": "Organisational competencies",
        "carriedBy": "the competency codes on every action"
      },
      {
        "id": "P3",
        "name": "Patient and carers feedback mechanism",
        "carriedBy": "the DF actions and each body's Expert-by-Experience presence rule"
      }
    ],
    "competencies": [
      {"code": "C-CA", "name": "Cultural awareness"},
      {"code": "C-SKA", "name": "Staff knowledge and awareness"},
      {"code": "C-PW", "name": "Partnership working"},
      {"code": "C-CP", "name": "Coproduction"},
      {"code": "C-WF", "name": "Workforce"},
      {"code": "C-CL", "name": "Co-learning"}
    ],
    "pillars": [
      {"code": "PIL-1", "name": "Access to health and social care"},
      {"code": "PIL-2", "name": "Physical health"},
      {"code": "PIL-3", "name": "Employment, education, training and volunteering"},
      {"code": "PIL-4", "name": "Housing"},
      {"code": "PIL-5", "name": "Social connections"},
      {"code": "PIL-6", "name": "Money"}
    ],
    "objectives": [
      {
        "code": "OBJ-1",
        "name": "Tackle the links between racial injustice and mental illness, including the disproportionate use of the Mental Health Act"
      },
      {
        "code": "OBJ-2",
        "name": "Improve the quality of existing services so they meet the needs of local ethnically diverse and marginalised communities"
      },
      {
        "code": "OBJ-3",
        "name": "Mental health transformation plans focused on the priorities of racially marginalised people with lived experience"
      }
    ],
    "aims": [
      {"id": "AIM-1", "name": "Further our commitment to advancing mental health equalities"},
      {
        "id": "AIM-2",
        "name": "Improve governance structures to include better representation of racialised and marginalised people"
      },
      {"id": "AIM-3", "name": "Improve data collection around ethnicity and other demographics"},
      {
        "id": "AIM-4",
        "name": "Use demographic data to coproduce plans to improve access and outcomes for racialised groups, and make them publicly available"
      },
      {"id": "AIM-5", "name": "Act on feedback and provide timely updates to improve services"},
      {
        "id": "AIM-6",
        "name": "Commit to improving interactions with racialised and marginalised people and partners"
      }
    ]
  },
  "events": [
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-DIR-EDI",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-DIR-EDI",
        "name": "Director of EDI and Involvement",
        "aliases": [],
        "singleOccupant": true
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-HEAD-RJE",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-HEAD-RJE",
        "name": "Head of Racial Justice and Equity",
        "aliases": ["Head of Equity and Racial Justice"],
        "singleOccupant": true
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-DCEO",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-DCEO",
        "name": "Deputy Chief Executive and Executive Sponsor for Race",
        "aliases": ["Deputy Chief Executive", "Executive Sponsor for Race"],
        "singleOccupant": true
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-CHAMPION",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-CHAMPION",
        "name": "Advancing Mental Health Equalities champion at Board level",
        "aliases": ["AMHE champion"],
        "singleOccupant": true
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-RJE-TEAM",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-RJE-TEAM",
        "name": "Racial Justice and Equity team",
        "aliases": ["Rethink Racial Justice and Equity team"],
        "singleOccupant": false
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-REG-LEAD",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-REG-LEAD",
        "name": "Regional lead",
        "aliases": [],
        "singleOccupant": false
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-NAT-LEAD",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-NAT-LEAD",
        "name": "National lead",
        "aliases": [],
        "singleOccupant": false
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-SVC-MGR",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-SVC-MGR",
        "name": "Service manager",
        "aliases": [],
        "singleOccupant": false
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-COMM-CHAMP",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-COMM-CHAMP",
        "name": "Community champion",
        "aliases": [],
        "singleOccupant": false
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-EBE",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-EBE",
        "name": "Expert by Experience",
        "aliases": [],
        "singleOccupant": false
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-STAFF",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-STAFF",
        "name": "Rethink staff member",
        "aliases": [],
        "singleOccupant": false
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-VCSE",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-VCSE",
        "name": "Voluntary sector organisation representative",
        "aliases": [],
        "singleOccupant": false
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-COMMUNITY-REP",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-COMMUNITY-REP",
        "name": "Local community representative",
        "aliases": [],
        "singleOccupant": false
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-SERVICE-USER",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-SERVICE-USER",
        "name": "Service user",
        "aliases": [],
        "singleOccupant": false
      }
    },
    {
      "type": "role.defined",
      "typeVersion": 1,
      "stream": "role/R-CARER",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "roleId": "R-CARER",
        "name": "Carer",
        "aliases": [],
        "singleOccupant": false
      }
    },
    {
      "type": "plan.version_published",
      "typeVersion": 1,
      "stream": "plan/amhe-plan",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "planId": "amhe-plan",
        "version": 1,
        "scope": "national",
        "ownerRoleId": "R-DIR-EDI",
        "period": {"from": "2023-04-01", "to": "2028-03-31"},
        "docHash": "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a",
        "coDevelopedWith": []
      }
    },
    {
      "type": "body.established",
      "typeVersion": 1,
      "stream": "body/B-TRUSTEES",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "bodyId": "B-TRUSTEES",
        "bodyType": "B-TRUSTEES",
        "name": "Board of Trustees",
        "aliases": [],
        "facilitatorRoleIds": [],
        "torDocHash": "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a",
        "quorumRule": {"min": 3},
        "ebePresenceRule": {"minCount": 1},
        "decisionScope": "strategic"
      }
    },
    {
      "type": "body.established",
      "typeVersion": 1,
      "stream": "body/B-EIB",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "bodyId": "B-EIB",
        "bodyType": "B-EIB",
        "name": "Equity and Inclusion Board",
        "aliases": [],
        "parentBodyId": "B-TRUSTEES",
        "chairRoleId": "R-DCEO",
        "facilitatorRoleIds": [],
        "torDocHash": "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a",
        "quorumRule": {"min": 3},
        "ebePresenceRule": {"minCount": 1},
        "decisionScope": "strategic"
      }
    },
    {
      "type": "body.established",
      "typeVersion": 1,
      "stream": "body/B-REPB",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "bodyId": "B-REPB",
        "bodyType": "B-REPB",
        "name": "Race Equality Programme Board",
        "aliases": [],
        "facilitatorRoleIds": [],
        "torDocHash": "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a",
        "quorumRule": {"min": 3},
        "ebePresenceRule": {"minCount": 1},
        "decisionScope": "strategic"
      }
    },
    {
      "type": "body.established",
      "typeVersion": 1,
      "stream": "body/B-AMHEPF",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "bodyId": "B-AMHEPF",
        "bodyType": "B-AMHEPF",
        "name": "Advancing Mental Health Equalities Practice Forum",
        "aliases": [
          "Advancing Mental Equalities Practice Forum",
          "Rethink Advancing Mental Health Equalities Practice Forum"
        ],
        "parentBodyId": "B-EIB",
        "facilitatorRoleIds": ["R-DIR-EDI", "R-HEAD-RJE"],
        "torDocHash": "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a",
        "quorumRule": {"min": 3},
        "ebePresenceRule": {"minCount": 1},
        "decisionScope": "operational"
      }
    },
    {
      "type": "body.established",
      "typeVersion": 1,
      "stream": "body/B-EIPF",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "bodyId": "B-EIPF",
        "bodyType": "B-EIPF",
        "name": "Equity and Inclusion Practice Forum",
        "aliases": [],
        "facilitatorRoleIds": [],
        "torDocHash": "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a",
        "quorumRule": {"min": 3},
        "ebePresenceRule": {"minCount": 1},
        "decisionScope": "advisory"
      }
    },
    {
      "type": "body.established",
      "typeVersion": 1,
      "stream": "body/B-LEAB",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "bodyId": "B-LEAB",
        "bodyType": "B-LEAB",
        "name": "Lived Experience Advisory Board",
        "aliases": [],
        "facilitatorRoleIds": [],
        "torDocHash": "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a",
        "quorumRule": {"min": 3},
        "ebePresenceRule": {"minCount": 1},
        "decisionScope": "advisory"
      }
    },
    {
      "type": "body.established",
      "typeVersion": 1,
      "stream": "body/B-CAB",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "bodyId": "B-CAB",
        "bodyType": "B-CAB",
        "name": "Carers Advisory Board",
        "aliases": [],
        "facilitatorRoleIds": [],
        "torDocHash": "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a",
        "quorumRule": {"min": 3},
        "ebePresenceRule": {"minCount": 1},
        "decisionScope": "advisory"
      }
    },
    {
      "type": "body.established",
      "typeVersion": 1,
      "stream": "body/B-EBE-WG",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "bodyId": "B-EBE-WG",
        "bodyType": "B-EBE-WG",
        "name": "Expert by Experience working groups",
        "aliases": ["other expert by Experience working groups"],
        "facilitatorRoleIds": [],
        "torDocHash": "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a",
        "quorumRule": {"min": 3},
        "ebePresenceRule": {"minCount": 1},
        "decisionScope": "advisory"
      }
    },
    {
      "type": "body.established",
      "typeVersion": 1,
      "stream": "body/B-REGFORUM",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "bodyId": "B-REGFORUM",
        "bodyType": "B-REGFORUM",
        "name": "Regional Forums",
        "aliases": [],
        "facilitatorRoleIds": [],
        "torDocHash": "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a",
        "quorumRule": {"min": 3},
        "ebePresenceRule": {"minCount": 1},
        "decisionScope": "advisory"
      }
    },
    {
      "type": "body.established",
      "typeVersion": 1,
      "stream": "body/B-REAL",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "bodyId": "B-REAL",
        "bodyType": "B-REAL",
        "name": "Race Equality Action Leaders (REAL) staff network",
        "aliases": ["REAL staff networks"],
        "facilitatorRoleIds": [],
        "torDocHash": "sha256:ee24b6c6c652ddfefbda7e176e9f4631287a83125443256029d3c7c37a8fd93a",
        "quorumRule": {"min": 3},
        "ebePresenceRule": {"minCount": 1},
        "decisionScope": "advisory"
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/LG-1",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "LG-1",
        "actionCode": "LG-1",
        "area": "LG",
        "title": "Advancing Mental Health Equalities champion at Board level; the Racial Justice and Equity team gives verbal and written updates to the Board of Trustees and Race Equality Programme Board",
        "competencies": ["C-WF", "C-SKA"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-RJE-TEAM",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/LG-2",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "LG-2",
        "actionCode": "LG-2",
        "area": "LG",
        "title": "Establish the Advancing Mental Health Equalities Practice Forum of staff and Experts by Experience, facilitated by the Director of EDI and Involvement and the Head of Racial Justice and Equity",
        "competencies": ["C-CP"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-DIR-EDI",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/LG-3",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "LG-3",
        "actionCode": "LG-3",
        "area": "LG",
        "title": "Work with the Lived Experience Advisory Board, Carers Advisory Board and other Expert by Experience working groups to shape and influence delivery of the AMHE Plan",
        "competencies": ["C-CP"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-DIR-EDI",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/LG-4",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "LG-4",
        "actionCode": "LG-4",
        "area": "LG",
        "title": "Support the Regional Forums (community representatives, service users, staff, voluntary sector) to shape and influence delivery of the AMHE Plan locally",
        "competencies": ["C-CP", "C-PW"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-REG-LEAD",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/LG-5",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "LG-5",
        "actionCode": "LG-5",
        "area": "LG",
        "title": "Strengthen the Race Equality Action Leaders (REAL) and other staff networks to give constructive challenge and feedback on delivery of the AMHE Plan",
        "competencies": ["C-WF"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-HEAD-RJE",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/ST-1",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "ST-1",
        "actionCode": "ST-1",
        "area": "ST",
        "title": "Cultural awareness sessions with staff, in partnership with organisations that understand the intersectional experiences of ethnically diverse, marginalised and neurodiverse communities",
        "competencies": ["C-CA", "C-SKA", "C-PW"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-HEAD-RJE",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/ST-2",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "ST-2",
        "actionCode": "ST-2",
        "area": "ST",
        "title": "Embed race equality training goals in staff's personal development plans, met through workshops, conferences, events, brunch and learns and team discussions",
        "competencies": ["C-SKA", "C-WF"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-DIR-EDI",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/PW-1",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "PW-1",
        "actionCode": "PW-1",
        "area": "PW",
        "title": "Share best practice on delivery and race equity from external partners to strengthen services and support for Black and other underserved communities",
        "competencies": ["C-PW", "C-CL"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-HEAD-RJE",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/PW-2",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "PW-2",
        "actionCode": "PW-2",
        "area": "PW",
        "title": "Implement a partnership framework with good practice guidance on anti-racist and anti-oppressive partnership working with community organisations",
        "competencies": ["C-PW"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-HEAD-RJE",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/WF-1",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "WF-1",
        "actionCode": "WF-1",
        "area": "WF",
        "title": "Build on the mutual mentoring programme; co-design and implement activities that improve staff understanding of cultural differences",
        "competencies": ["C-WF", "C-CA"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-DIR-EDI",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/WF-2",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "WF-2",
        "actionCode": "WF-2",
        "area": "WF",
        "title": "Report on the Ethnicity Pay Gap to identify and address pay disparities for the ethnic minority workforce",
        "competencies": ["C-WF"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-DIR-EDI",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/WF-3",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "WF-3",
        "actionCode": "WF-3",
        "area": "WF",
        "title": "Publish the Equity, Diversity, Inclusion Strategic Plan and the Staff Networks Action Plan",
        "competencies": ["C-WF"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-DIR-EDI",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/WF-4",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "WF-4",
        "actionCode": "WF-4",
        "area": "WF",
        "title": "Monitor and evaluate employee lifecycles, completing exit interviews to gather feedback on workplace culture and make measurable improvements",
        "competencies": ["C-WF"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-DIR-EDI",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/WF-5",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "WF-5",
        "actionCode": "WF-5",
        "area": "WF",
        "title": "Improve the collection and reporting of workforce diversity data to design, deliver and monitor interventions that increase ethnic diversity at all levels",
        "competencies": ["C-WF"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-DIR-EDI",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/MHS-1",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "MHS-1",
        "actionCode": "MHS-1",
        "area": "MHS",
        "title": "Identify and support community champion roles to inform service development and tell communities about early intervention services and support",
        "competencies": ["C-CL", "C-PW"],
        "pillars": ["PIL-1"],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-REG-LEAD",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/MHS-2",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "MHS-2",
        "actionCode": "MHS-2",
        "area": "MHS",
        "title": "Implement the AMHE Plan in Operations' local development and delivery plans: better service user data, cultural awareness training, at least three community engagement place-based projects",
        "competencies": ["C-CA", "C-SKA", "C-CL"],
        "pillars": [],
        "objectives": ["OBJ-2"],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-NAT-LEAD",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/MHS-3",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "MHS-3",
        "actionCode": "MHS-3",
        "area": "MHS",
        "title": "Coproduce service and care plans with communities, faith leaders and ethnically led VCSE partners on language and access, cultural food, faith, aftercare and trauma-informed approaches",
        "competencies": ["C-CP", "C-PW", "C-CA"],
        "pillars": ["PIL-1"],
        "objectives": ["OBJ-2"],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-SVC-MGR",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/DF-1",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "DF-1",
        "actionCode": "DF-1",
        "area": "DF",
        "title": "Improve service managers' collection of service user diversity data, with guidance for Operations, to coproduce evidence-led interventions on mental health inequalities",
        "competencies": ["C-SKA", "C-CP"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-SVC-MGR",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/DF-2",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "DF-2",
        "actionCode": "DF-2",
        "area": "DF",
        "title": "Bi-annual local reviews and independent evaluation of the AMHE Plan with service users, carers, voluntary sector, marginalised communities and staff; publish findings annually",
        "competencies": ["C-CP", "C-CL"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-HEAD-RJE",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/DF-3",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "DF-3",
        "actionCode": "DF-3",
        "area": "DF",
        "title": "Use the Service User Experience Survey to identify disparities in service user experience and coproduce tailored actions to address them",
        "competencies": ["C-CP", "C-CL"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-NAT-LEAD",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/DF-4",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "DF-4",
        "actionCode": "DF-4",
        "area": "DF",
        "title": "Use the Impact Framework to measure outcomes for marginalised communities, comparing data across the protected characteristics so services deliver equitable outcomes",
        "competencies": ["C-CL"],
        "pillars": [],
        "objectives": ["OBJ-2"],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-NAT-LEAD",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/DF-5",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "DF-5",
        "actionCode": "DF-5",
        "area": "DF",
        "title": "Evaluate the impact of partnership working, monitoring satisfaction of partner organisations, service users, carers and staff",
        "competencies": ["C-PW", "C-CP"],
        "pillars": [],
        "objectives": [],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-HEAD-RJE",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    },
    {
      "type": "action.created",
      "typeVersion": 1,
      "stream": "action/DF-6",
      "occurredAt": "2023-04-01T09:00:00Z",
      "payload": {
        "actionId": "DF-6",
        "actionCode": "DF-6",
        "area": "DF",
        "title": "Work closely with local authorities, Integrated Care Boards and Integrated Care Systems, and use feedback from culturally appropriate advocacy services to improve services",
        "competencies": ["C-PW", "C-CA"],
        "pillars": [],
        "objectives": ["OBJ-3"],
        "scope": "national",
        "planId": "amhe-plan",
        "ownerRoleId": "R-REG-LEAD",
        "dueDate": "2028-03-31",
        "sourceFeedbackIds": []
      }
    }
  ]
}

"""#
}
