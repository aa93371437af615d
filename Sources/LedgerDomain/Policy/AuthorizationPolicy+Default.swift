// The default authorization policy, embedded so the binary needs no data files. It must be
// byte-for-byte Schemas/policy/authorization.v1.json (AuthorizationPolicyTests checks); edit that
// file and copy it here.
extension AuthorizationPolicy {
    /// The text of `Schemas/policy/authorization.v1.json`, embedded.
    public static let defaultText = #"""
{
  "policy": "pcref/v1",
  "description": "Who may sign which event type in a PCREF coproduction ledger. An event is allowed when at least one rule whose types match it allows its signer; types no rule matches are refused. Principals: admin (a key registered with role admin, or a genesis admin); member (a key with role member, or no role, whose holder is a registered person); intake (role intake); evaluator (role evaluator); bodyOfficer (the key's holder holds the chair or a facilitator role of the body the event is about). A rule's 'when' lists payload members that must have the given value.",
  "rules": [
    {
      "id": "AUTH-1",
      "description": "Administrators register keys, people, regions, services, bodies, roles and memberships, set policy parameters, and act on consent, erasure and corrections.",
      "types": ["ledger.genesis", "key.*", "policy.parameter_set", "region.registered", "service.registered", "person.registered", "equality.profile_recorded", "role.*", "body.*", "member.*", "subject.*", "consent.*", "event.*", "partner.registered", "evaluation.commissioned"],
      "allow": ["admin"]
    },
    {
      "id": "AUTH-2",
      "description": "A body's chair or secretary (its chair role or a facilitator role) records its meetings, minutes and decisions; administrators may too.",
      "types": ["meeting.*", "minutes.approved", "decision.*"],
      "allow": ["admin", "bodyOfficer"]
    },
    {
      "id": "AUTH-3",
      "description": "Any registered member records feedback, contributions, recognition and declarations of interest.",
      "types": ["feedback.*", "contribution.*", "involvement.recognition_recorded", "interest.declared"],
      "allow": ["admin", "member"]
    },
    {
      "id": "AUTH-4",
      "description": "An intake key (the public feedback form) records anonymous public feedback only.",
      "types": ["feedback.received"],
      "allow": ["intake"],
      "when": { "submitter": "anonymous" }
    },
    {
      "id": "AUTH-5",
      "description": "Independent evaluators record evaluation reports and nothing else.",
      "types": ["evaluation.reported"],
      "allow": ["evaluator"]
    },
    {
      "id": "AUTH-6",
      "description": "Staff and administrators record the plan's delivery: plans, obligations, actions, milestones, metrics, reviews, reports, board updates, representation reviews, training, partnerships, projects and service plans.",
      "types": ["plan.*", "obligation.registered", "action.*", "milestone.recorded", "metric.*", "review.held", "report.published", "board.update_given", "representation.reviewed", "training.session_delivered", "partnership.framework_adopted", "partner.satisfaction_observed", "partner.good_practice_shared", "champion.appointed", "project.*", "service.plan_coproduced"],
      "allow": ["admin", "member"]
    },
    {
      "id": "AUTH-7",
      "description": "An intake key (the public feedback form and its outbox) records a person's reply to their own feedback, and that a person who asked to hear back was notified.",
      "types": ["feedback.reply_received", "feedback.submitter_notified", "contribution.contributor_notified"],
      "allow": ["intake"]
    }
  ]
}

"""#
}
