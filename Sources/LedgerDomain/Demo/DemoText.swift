// Word lists for the demo: invented names, places, themes and decisions. Nothing here is about a
// real person; names only ever go into events' private parts.

enum DemoText {
    static let givenNames = [
        "Amara", "Kwame", "Priya", "Tariq", "Mei", "Olu", "Siobhan", "Daniel", "Fatima", "Yusuf", "Grace", "Ravi",
        "Aisha", "Tomasz", "Chen", "Nia", "Hassan", "Leila", "Marcus", "Sunita", "Jamal", "Zainab", "Ewan", "Imani",
        "Farah", "Kofi", "Anjali", "Bilal", "Rosa", "Dev", "Chidi", "Hana", "Omar", "Ruth", "Sade", "Arjun", "Keisha",
        "Nadia", "Liam", "Abena", "Gareth", "Mariam", "Joseph", "Precious", "Sean", "Lakshmi", "Adaeze", "Kieran",
    ]
    static let familyNames = [
        "Okafor", "Patel", "Khan", "Wong", "Mensah", "Murphy", "Ahmed", "Begum", "Nowak", "Campbell", "Osei", "Singh",
        "Hussain", "Adeyemi", "Chen", "Ali", "Clarke", "Ibrahim", "Kaur", "Williams", "Mahmood", "Boateng", "Evans",
        "Rahman", "Francis", "Achebe", "Sharma", "Iqbal", "Brown", "Thompson", "Asante", "Mirza", "Kowalski", "Reid",
    ]

    /// (id, name, towns) of the English regions the demo can use, in the order it adds them.
    static let regions: [(id: String, name: String, towns: [String])] = [
        ("NW", "North West", ["Salford", "Oldham", "Blackburn", "Preston", "Bolton", "Wigan"]),
        ("LDN", "London", ["Lambeth", "Newham", "Brent", "Hackney", "Croydon", "Tower Hamlets"]),
        ("MID", "Midlands", ["Birmingham", "Leicester", "Wolverhampton", "Coventry", "Derby", "Nottingham"]),
        ("NE", "North East", ["Newcastle", "Sunderland", "Middlesbrough", "Gateshead", "Durham", "Hartlepool"]),
        ("YH", "Yorkshire and the Humber", ["Bradford", "Leeds", "Sheffield", "Hull", "Huddersfield", "Rotherham"]),
        ("EE", "East of England", ["Luton", "Peterborough", "Norwich", "Ipswich", "Cambridge", "Basildon"]),
        ("SE", "South East", ["Slough", "Reading", "Crawley", "Southampton", "Brighton", "Medway"]),
        ("SW", "South West", ["Bristol", "Plymouth", "Swindon", "Gloucester", "Exeter", "Bournemouth"]),
    ]

    /// (type, words in a service name, commissioner).
    static let serviceTypes: [(type: String, label: String, commissioner: String)] = [
        ("community_support", "Community Support", "local_authority"), ("supported_housing", "Supported Housing", "local_authority"),
        ("crisis", "Crisis House", "nhs"), ("advocacy", "Advocacy", "local_authority"), ("peer_support", "Peer Support", "nhs"),
        ("carers_support", "Carers Support", "local_authority"), ("employment", "Employment Support", "other"),
        ("residential", "Residential Recovery", "nhs"), ("helpline", "Advice Line", "other"),
    ]

    /// Feedback themes with what a person said and what changed.
    static let themes: [(code: String, said: String, did: String, pillar: String, competency: String)] = [
        ("interpreters", "You said you waited weeks for an interpreter before your first appointment.",
         "We now book an interpreter when a referral is accepted.", "PIL-1", "C-CA"),
        ("waiting_times", "You said the wait for a first appointment was too long.",
         "We added an evening drop-in so people are seen sooner.", "PIL-1", "C-SKA"),
        ("prayer_space", "You said there was nowhere quiet to pray.", "A quiet room is now kept free for prayer.", "PIL-5", "C-CA"),
        ("cultural_food", "You said the meals did not meet your dietary and cultural needs.",
         "Menus are now planned with residents and include halal and Caribbean dishes.", "PIL-2", "C-CA"),
        ("staff_attitudes", "You said you felt judged by staff because of your background.",
         "Every team has had cultural awareness training with a community partner.", "PIL-1", "C-SKA"),
        ("aftercare", "You said support stopped suddenly when you left the service.",
         "A peer-led aftercare group now meets weekly.", "PIL-5", "C-CP"),
        ("information", "You said leaflets were only in English.", "Key leaflets are now in six languages and Easy Read.",
         "PIL-1", "C-CL"),
        ("racism", "You said you experienced racist comments from another resident.",
         "We reviewed the incident with you and updated our anti-racism procedure.", "PIL-5", "C-SKA"),
        ("carers_involvement", "You said carers were not told about care planning meetings.",
         "Carers are now invited to care planning with the person's consent.", "PIL-5", "C-CP"),
        ("money_advice", "You said you needed help with benefits and debts.",
         "We now refer to a culturally appropriate advice partner.", "PIL-6", "C-PW"),
        ("housing", "You said your housing was unsuitable for your family.",
         "We worked with the local authority to find a better placement.", "PIL-4", "C-PW"),
        ("workplace_culture", "You said staff from ethnic minorities are not supported to progress.",
         "A mutual mentoring cohort now pairs staff with senior leaders.", "PIL-3", "C-WF"),
    ]

    /// National decision topics: (title, text, action, competencies, pillars, objectives).
    static let decisions: [(title: String, text: String, action: String, competencies: [String], pillars: [String], objectives: [String])] = [
        ("Interpreters booked at referral", "Book a community-language interpreter when a referral is accepted, not at the first appointment.",
         "MHS-3", ["C-CA", "C-CP"], ["PIL-1"], ["OBJ-2"]),
        ("Ethnicity recording guidance", "Issue guidance to service managers on asking about and recording ethnicity, with scripts coproduced with the LEAB.",
         "DF-1", ["C-SKA", "C-CP"], [], ["OBJ-2"]),
        ("Pay Experts by Experience for advisory work", "Offer involvement payments at the national rate for every advisory meeting and working group.",
         "LG-3", ["C-CP"], ["PIL-6"], []),
        ("Cultural awareness sessions with partners", "Run cultural awareness sessions in every region with ethnically led VCSE partners.",
         "ST-1", ["C-CA", "C-SKA"], [], ["OBJ-2"]),
        ("Race equality goals in development plans", "Every manager agrees a race equality goal in each staff member's personal development plan.",
         "ST-2", ["C-SKA", "C-WF"], [], []),
        ("Adopt the partnership framework", "Adopt the anti-racist and anti-oppressive partnership framework for all community partnerships.",
         "PW-2", ["C-PW"], [], ["OBJ-3"]),
        ("Ethnicity pay gap action plan", "Publish the ethnicity pay gap with an action plan on progression at senior grades.",
         "WF-2", ["C-WF"], ["PIL-3"], []),
        ("Independent exit interviews", "Offer every leaver an exit interview with someone outside their line management.",
         "WF-4", ["C-WF"], [], []),
        ("Commission an independent evaluation", "Commission an independent evaluation of the plan's first year from a university partner.",
         "DF-2", ["C-CP", "C-CL"], [], []),
        ("Place-based projects target", "Deliver at least three community engagement place-based projects by the end of the plan.",
         "MHS-2", ["C-PW"], ["PIL-1"], ["OBJ-2"]),
        ("Faith and prayer space audit", "Audit prayer spaces and chaplaincy links in every residential and crisis service.",
         "MHS-3", ["C-CA"], ["PIL-5"], ["OBJ-2"]),
        ("Culturally appropriate advocacy referrals", "Refer people to culturally appropriate advocacy partners and log their feedback.",
         "DF-6", ["C-PW", "C-CA"], [], ["OBJ-3"]),
        ("Second mutual mentoring cohort", "Open a second mutual mentoring cohort, prioritising Black and Asian staff.", "WF-1", ["C-WF", "C-CL"], [], []),
        ("Quarterly good practice exchange", "Share good practice from external partners with staff every quarter.", "PW-1", ["C-PW", "C-CL"], [], []),
        ("Outcomes by protected characteristic", "Report Impact Framework outcomes by all nine protected characteristics.", "DF-4", ["C-CL"], [], ["OBJ-2"]),
        ("Partner satisfaction survey", "Survey partners, service users, carers and staff on partnership working each year.", "DF-5", ["C-PW"], [], []),
        ("Community champions in every region", "Recruit a paid community champion in each region to promote early intervention.",
         "MHS-1", ["C-CL", "C-PW"], ["PIL-1"], ["OBJ-2"]),
        ("Protected time for REAL network members", "Give REAL network members two hours a month of protected time.", "LG-5", ["C-WF"], [], []),
        ("Trauma-informed practice for frontline staff", "All frontline staff complete trauma-informed practice training this year.",
         "MHS-3", ["C-SKA"], [], ["OBJ-2"]),
        ("Board updates twice a year in writing", "The Racial Justice and Equity team gives a written update to each board at least twice a year.",
         "LG-1", ["C-CP"], [], []),
    ]

    /// Regional forum decision topics: (title, text, action).
    static let localDecisions: [(title: String, text: String, action: String)] = [
        ("Interpreters at forum meetings", "Book interpreters for every forum meeting in the two most requested community languages.", "LG-4"),
        ("Meet in community venues", "Hold alternate forum meetings in community and faith venues.", "LG-4"),
        ("Culturally appropriate food in supported housing", "Plan supported housing menus with residents each quarter.", "MHS-3"),
        ("Peer aftercare group", "Start a peer-led aftercare group with a local VCSE partner.", "MHS-3"),
        ("Local ethnicity data drive", "Service managers review records with missing ethnicity each month.", "DF-1"),
        ("Advocacy partner feedback route", "Take feedback from the local advocacy partner to every forum meeting.", "DF-6"),
    ]
}
