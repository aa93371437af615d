extension FeedbackReceived {
    /// Anonymous feedback from the public web form (channel `web_form`, submitter `anonymous`):
    /// the form's choices as a typed payload, so that the portal writes no member name by hand.
    public static func fromWebForm(
        feedbackId: String, receivedAt: String, regionId: String?, language: String,
        accessibleFormat: ReportingVocabulary.AccessibleFormat?, consentToPublish: Bool, contactConsent: Bool,
        lawfulBasisRef: String
    ) -> FeedbackReceived {
        FeedbackReceived(
            feedbackId: feedbackId, channel: .webForm, receivedAt: receivedAt, serviceId: nil, regionId: regionId,
            bodyId: nil,
            submitter: anonymous, language: language, accessibleFormat: accessibleFormat,
            consentToPublish: consentToPublish,
            contactConsent: contactConsent, equalityRef: nil, lawfulBasisRef: lawfulBasisRef)
    }
}
