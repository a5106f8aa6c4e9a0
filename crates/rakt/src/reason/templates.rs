//! The message of every reason code, in English and Hindi. `{name}` is replaced by the fact
//! `name`, translated by `localise::localise` where it is a code.

use super::{Lang, ReasonCode};

/// The message template of each code in each language. `{name}` is replaced by the fact `name`.
pub(super) fn template(code: ReasonCode, lang: Lang) -> &'static str {
    use ReasonCode as C;
    match (code, lang) {
        (C::AboIdentical, Lang::En) => {
            "Donor {donor} and recipient {recipient} are ABO-identical for {component}."
        }
        (C::AboIdentical, Lang::Hi) => {
            "दाता {donor} और रोगी {recipient} का ABO ग्रुप एक ही है ({component})।"
        }
        (C::RedCellsAboCompatible, Lang::En) => {
            "{donor} red cells carry no A or B antigen against which the {recipient} recipient has antibodies."
        }
        (C::RedCellsAboCompatible, Lang::Hi) => {
            "{donor} की लाल रक्त कोशिकाओं पर ऐसा कोई A या B एंटीजन नहीं है जिसके विरुद्ध {recipient} रोगी में एंटीबॉडी हों।"
        }
        (C::PlasmaAboCompatible, Lang::En) => {
            "{donor} plasma carries no anti-A or anti-B against the {recipient} recipient's red cells."
        }
        (C::PlasmaAboCompatible, Lang::Hi) => {
            "{donor} प्लाज़्मा में {recipient} रोगी की लाल रक्त कोशिकाओं के विरुद्ध कोई एंटी-A या एंटी-B नहीं है।"
        }
        (C::RedCellsAboIncompatible, Lang::En) => {
            "ABO-incompatible: the {recipient} recipient's {antibodies} would destroy {donor} red cells. Do not transfuse."
        }
        (C::RedCellsAboIncompatible, Lang::Hi) => {
            "ABO असंगत: {recipient} रोगी में मौजूद {antibodies} एंटीबॉडी {donor} की लाल रक्त कोशिकाओं को नष्ट कर देंगी। यह रक्त न चढ़ाएँ।"
        }
        (C::PlasmaAboIncompatible, Lang::En) => {
            "ABO-incompatible: {donor} plasma contains {antibodies} against the {recipient} recipient's red cells. Do not transfuse."
        }
        (C::PlasmaAboIncompatible, Lang::Hi) => {
            "ABO असंगत: {donor} प्लाज़्मा में {recipient} रोगी की लाल रक्त कोशिकाओं के विरुद्ध {antibodies} एंटीबॉडी हैं। यह न चढ़ाएँ।"
        }
        (C::PlasmaHighTitreNegativeOnly, Lang::En) => {
            "{donor} plasma contains {antibodies}, which can destroy the recipient's red cells: give it only in an emergency when plasma without {antibodies} is unobtainable, and only a unit tested negative for high-titre {antibodies}."
        }
        (C::PlasmaHighTitreNegativeOnly, Lang::Hi) => {
            "{donor} प्लाज़्मा में {antibodies} एंटीबॉडी हैं, जो रोगी की लाल रक्त कोशिकाओं को नष्ट कर सकती हैं: इसे केवल आपातकाल में दें, जब {antibodies} रहित प्लाज़्मा उपलब्ध न हो, और केवल वही यूनिट दें जो हाई-टाइटर {antibodies} के लिए नेगेटिव जाँची गई हो।"
        }
        (C::PlasmaAboNotInPolicy, Lang::En) => {
            "{donor} plasma is not in this policy's order for {recipient} recipients ({order})."
        }
        (C::PlasmaAboNotInPolicy, Lang::Hi) => {
            "{recipient} रोगियों के लिए इस नीति के क्रम ({order}) में {donor} प्लाज़्मा शामिल नहीं है।"
        }
        (C::WholeBloodNotAboIdentical, Lang::En) => {
            "Whole blood must be ABO-identical: donor {donor}, recipient {recipient}."
        }
        (C::WholeBloodNotAboIdentical, Lang::Hi) => {
            "होल ब्लड का ABO ग्रुप रोगी के ग्रुप के समान होना अनिवार्य है: दाता {donor}, रोगी {recipient}।"
        }
        (C::BombayRecipientNeedsBombay, Lang::En) => {
            "Bombay (Oh) recipient: {component} must come from a Bombay donor, and {donor} is not. Contact the rare donor registry."
        }
        (C::BombayRecipientNeedsBombay, Lang::Hi) => {
            "बॉम्बे (Oh) रोगी को {component} केवल बॉम्बे दाता से ही दें, और {donor} बॉम्बे नहीं है। दुर्लभ दाता रजिस्ट्री से संपर्क करें।"
        }
        (C::BombayDonorPlasmaAntiH, Lang::En) => {
            "Bombay (Oh) donor plasma contains anti-H, anti-A and anti-B: give it only to Bombay recipients, not to {recipient}."
        }
        (C::BombayDonorPlasmaAntiH, Lang::Hi) => {
            "बॉम्बे (Oh) दाता के प्लाज़्मा में एंटी-H, एंटी-A और एंटी-B होते हैं: इसे केवल बॉम्बे रोगी को दें, {recipient} को नहीं।"
        }
        (C::BombayUnitForNonBombay, Lang::En) => {
            "Bombay (Oh) red cells are compatible with {recipient} but rare: keep them for Bombay recipients unless nothing else is available."
        }
        (C::BombayUnitForNonBombay, Lang::Hi) => {
            "बॉम्बे (Oh) लाल रक्त कोशिकाएँ {recipient} के लिए संगत हैं, पर दुर्लभ हैं: जब तक कोई और विकल्प न हो, इन्हें बॉम्बे रोगियों के लिए सुरक्षित रखें।"
        }
        (C::BombayRecipientPlasma, Lang::En) => {
            "Bombay (Oh) red cells carry no A, B or H antigen, so {donor} plasma is serologically compatible (an inference: no published rule was found)."
        }
        (C::BombayRecipientPlasma, Lang::Hi) => {
            "बॉम्बे (Oh) लाल रक्त कोशिकाओं पर A, B या H एंटीजन नहीं होते, इसलिए {donor} प्लाज़्मा सीरोलॉजिकल रूप से संगत है (यह अनुमान है: कोई प्रकाशित नियम नहीं मिला)।"
        }
        (C::RhdNegativeRequired, Lang::En) => {
            "RhD-negative {component} required ({protection}): {donor} is not RhD-negative."
        }
        (C::RhdNegativeRequired, Lang::Hi) => {
            "RhD-नेगेटिव {component} देना अनिवार्य है ({protection}): {donor} RhD-नेगेटिव नहीं है।"
        }
        (C::RhdPositiveToRhdNegative, Lang::En) => {
            "{donor} {component} for an RhD-negative recipient who is not a child or a female of child-bearing potential: acceptable when RhD-negative units are short, but about one in three such recipients forms anti-D. Prefer RhD-negative."
        }
        (C::RhdPositiveToRhdNegative, Lang::Hi) => {
            "रोगी RhD-नेगेटिव है, पर न बच्चा है न प्रजनन आयु की महिला: RhD-नेगेटिव यूनिट की कमी हो तो {donor} यूनिट ({component}) दी जा सकती है, पर ऐसे लगभग तीन में से एक रोगी में एंटी-D बन जाता है। RhD-नेगेटिव को प्राथमिकता दें।"
        }
        (C::DonorRhdUnknown, Lang::En) => {
            "The donor unit's RhD type is not recorded: it cannot be given to an RhD-negative recipient."
        }
        (C::DonorRhdUnknown, Lang::Hi) => {
            "दाता यूनिट का RhD प्रकार दर्ज नहीं है: इसे RhD-नेगेटिव रोगी को नहीं दिया जा सकता।"
        }
        (C::RecipientRhdUnknown, Lang::En) => {
            "The recipient's RhD type is not known; treated as RhD-negative."
        }
        (C::RecipientRhdUnknown, Lang::Hi) => {
            "रोगी का RhD प्रकार ज्ञात नहीं है; इसे RhD-नेगेटिव माना गया है।"
        }
        (C::WeakDRecipient, Lang::En) => {
            "The recipient has a serological weak D: treated as RhD-{as} under this policy."
        }
        (C::WeakDRecipient, Lang::Hi) => {
            "रोगी में सीरोलॉजिकल वीक D है: इस नीति के अनुसार उसे RhD-{as} माना गया है।"
        }
        (C::WeakDDonor, Lang::En) => "The donor has a serological weak D: managed as RhD-positive.",
        (C::WeakDDonor, Lang::Hi) => "दाता में सीरोलॉजिकल वीक D है: इसे RhD-पॉज़िटिव माना जाता है।",
        (C::ProtectionAssumed, Lang::En) => {
            "Not recorded: the recipient's {missing}. Treated as {protection} to be safe."
        }
        (C::ProtectionAssumed, Lang::Hi) => {
            "रोगी की {missing} की जानकारी नहीं दी गई: सुरक्षा के लिए उसे {protection} माना गया है।"
        }
        (C::RhdNotRequired, Lang::En) => "RhD matching is not required for {component}.",
        (C::RhdNotRequired, Lang::Hi) => "{component} के लिए RhD मिलान आवश्यक नहीं है।",
        (C::PlateletAboNonIdentical, Lang::En) => {
            "{donor} platelets are not ABO-identical with the {recipient} recipient: choice {position} in this policy's order ({order})."
        }
        (C::PlateletAboNonIdentical, Lang::Hi) => {
            "{donor} प्लेटलेट्स {recipient} रोगी के ABO ग्रुप के समान नहीं हैं: इस नीति के क्रम ({order}) में विकल्प {position}।"
        }
        (C::PlateletPlasmaIncompatible, Lang::En) => {
            "{donor} platelet plasma contains {antibodies} against the {recipient} recipient's red cells: use a unit tested as low-titre for anti-A/anti-B (risk of haemolysis)."
        }
        (C::PlateletPlasmaIncompatible, Lang::Hi) => {
            "{donor} प्लेटलेट के प्लाज़्मा में {recipient} रोगी की लाल रक्त कोशिकाओं के विरुद्ध {antibodies} एंटीबॉडी हैं: एंटी-A/एंटी-B के लिए लो-टाइटर जाँची गई यूनिट ही दें (हीमोलाइसिस का खतरा)।"
        }
        (C::PlateletAboNotInPolicy, Lang::En) => {
            "{donor} platelets are not in this policy's order for {recipient} recipients ({order})."
        }
        (C::PlateletAboNotInPolicy, Lang::Hi) => {
            "{recipient} रोगियों के लिए इस नीति के क्रम ({order}) में {donor} प्लेटलेट्स शामिल नहीं हैं।"
        }
        (C::PlateletA2Preferred, Lang::En) => {
            "A2 platelets carry little A antigen and are preferred over other group A platelets for {recipient} recipients."
        }
        (C::PlateletA2Preferred, Lang::Hi) => {
            "A2 प्लेटलेट्स पर A एंटीजन बहुत कम होता है, इसलिए {recipient} रोगियों के लिए अन्य A प्लेटलेट्स की तुलना में इन्हें प्राथमिकता दी जाती है।"
        }
        (C::PlateletRhdAntiDProphylaxis, Lang::En) => {
            "RhD-negative platelets are preferred ({protection}); if {donor} platelets are given, give anti-D immunoglobulin."
        }
        (C::PlateletRhdAntiDProphylaxis, Lang::Hi) => {
            "RhD-नेगेटिव प्लेटलेट्स को प्राथमिकता दें ({protection}); यदि {donor} प्लेटलेट्स दिए जाएँ तो एंटी-D इम्युनोग्लोबुलिन दें।"
        }
        (C::EmergencyRelease, Lang::En) => {
            "Recipient's group unknown: emergency release of {donor} {component} without crossmatch. It needs a signed request from the doctor; draw a grouping sample before transfusion and switch to group-specific blood as soon as the group is known."
        }
        (C::EmergencyRelease, Lang::Hi) => {
            "रोगी का ब्लड ग्रुप ज्ञात नहीं: {donor} यूनिट ({component}) बिना क्रॉस-मैच के आपातकाल में जारी की जा रही है। इसके लिए डॉक्टर का हस्ताक्षरित अनुरोध आवश्यक है; रक्त चढ़ाने से पहले ग्रुपिंग के लिए नमूना लें और ग्रुप ज्ञात होते ही उसी ग्रुप का रक्त दें।"
        }
        (C::EmergencyGroupNotPermitted, Lang::En) => {
            "Recipient's group unknown: emergency {component} must be group {allowed}, not {donor}."
        }
        (C::EmergencyGroupNotPermitted, Lang::Hi) => {
            "रोगी का ब्लड ग्रुप ज्ञात नहीं: आपातकाल में केवल {allowed} ग्रुप की यूनिट ({component}) दी जा सकती है, {donor} की नहीं।"
        }
        (C::WholeBloodGroupUnknown, Lang::En) => {
            "Whole blood must be ABO-identical, so it cannot be issued before the recipient's group is known: use group O red cells."
        }
        (C::WholeBloodGroupUnknown, Lang::Hi) => {
            "होल ब्लड का ABO ग्रुप रोगी के समान होना अनिवार्य है, इसलिए रोगी का ग्रुप ज्ञात होने से पहले इसे जारी नहीं किया जा सकता: O ग्रुप की लाल रक्त कोशिकाएँ दें।"
        }
        (C::GranulocytesFollowRedCellRules, Lang::En) => {
            "Granulocyte concentrates contain red cells, so the red-cell ABO/RhD rules are applied (no published rule was found; the cautious choice)."
        }
        (C::GranulocytesFollowRedCellRules, Lang::Hi) => {
            "ग्रैन्यूलोसाइट कॉन्सन्ट्रेट में लाल रक्त कोशिकाएँ होती हैं, इसलिए लाल रक्त कोशिकाओं वाले ABO/RhD नियम लागू किए गए हैं (कोई प्रकाशित नियम नहीं मिला; यह सावधानी वाला विकल्प है)।"
        }
        (C::LabelExpiryKept, Lang::En) => "The expiry printed on the label, {expires_at}, is kept.",
        (C::LabelExpiryKept, Lang::Hi) => "लेबल पर छपी समाप्ति {expires_at} ही रखी गई है।",
        (C::LabelExpiryShortened, Lang::En) => {
            "The label says the unit expires {label_expires_at}, later than this policy allows; the policy's expiry {expires_at} is used."
        }
        (C::LabelExpiryShortened, Lang::Hi) => {
            "लेबल के अनुसार यूनिट की समाप्ति {label_expires_at} है, जो इस नीति की अनुमति से बाद में है; नीति की समाप्ति {expires_at} लागू की गई है।"
        }
        (C::ShelfLife, Lang::En) => {
            "Shelf life of {component}: {shelf_life} from collection; expires {expires_at}."
        }
        (C::ShelfLife, Lang::Hi) => {
            "{component}: संग्रह से {shelf_life} तक उपयोग योग्य; समाप्ति {expires_at}।"
        }
        (C::Redated, Lang::En) => {
            "{modification} at {at}: usable for {shelf_life} after that, so the expiry moves forward to {expires_at}."
        }
        (C::Redated, Lang::Hi) => {
            "{at} पर {modification}: इसके बाद {shelf_life} तक उपयोग योग्य, इसलिए समाप्ति अब {expires_at} है।"
        }
        (C::RedatingCannotExtend, Lang::En) => {
            "{modification} at {at} would allow use until {limit}, later than the current expiry; a modification never extends expiry, so it stays {expires_at}."
        }
        (C::RedatingCannotExtend, Lang::Hi) => {
            "{at} पर {modification} के बाद की सीमा {limit} है, जो वर्तमान समाप्ति से बाद में है; कोई भी संशोधन समाप्ति को आगे नहीं बढ़ाता, इसलिए समाप्ति {expires_at} ही रहेगी।"
        }
        (C::NoRedating, Lang::En) => {
            "{modification} does not change the expiry of {component} under this policy: it stays {expires_at}."
        }
        (C::NoRedating, Lang::Hi) => {
            "इस नीति के अनुसार {modification} से समाप्ति नहीं बदलती ({component}): यह {expires_at} ही रहेगी।"
        }
        (C::PoolEarliestConstituent, Lang::En) => {
            "A pool of {count} units expires with its earliest constituent: {expires_at}."
        }
        (C::PoolEarliestConstituent, Lang::Hi) => {
            "{count} यूनिट का पूल अपनी सबसे पहले समाप्त होने वाली यूनिट के साथ समाप्त होता है: {expires_at}।"
        }
        (C::DonorEligible, Lang::En) => {
            "Eligible for {kind} today: every criterion of this policy is met."
        }
        (C::DonorEligible, Lang::Hi) => "आज {kind} के लिए पात्र: इस नीति की सभी शर्तें पूरी होती हैं।",
        (C::DonorTooYoung, Lang::En) => {
            "Age {age} is below the minimum of {limit} years: may donate from {until}."
        }
        (C::DonorTooYoung, Lang::Hi) => {
            "आयु {age} वर्ष न्यूनतम {limit} वर्ष से कम है: {until} से रक्तदान कर सकते हैं।"
        }
        (C::DonorTooOld, Lang::En) => {
            "Age {age} is above the maximum of {limit} years for {donor_group}."
        }
        (C::DonorTooOld, Lang::Hi) => {
            "आयु {age} वर्ष, {donor_group} के लिए अधिकतम {limit} वर्ष से अधिक है।"
        }
        (C::DonorTooOldByThen, Lang::En) => {
            "When the deferral ends on {until} the donor will be {age}, above the maximum of {limit} years for {donor_group}: permanently deferred from this kind of donation."
        }
        (C::DonorTooOldByThen, Lang::Hi) => {
            "स्थगन {until} को समाप्त होगा, तब तक दाता की आयु {age} वर्ष हो जाएगी, जो {donor_group} के लिए अधिकतम {limit} वर्ष से अधिक है: इस प्रकार के रक्तदान से स्थायी रूप से वंचित।"
        }
        (C::DonorWeightTooLow, Lang::En) => {
            "Weight {measured} kg is too low for {kind} (required: {limit} kg). Check again from {until}."
        }
        (C::DonorWeightTooLow, Lang::Hi) => {
            "वज़न {measured} किग्रा है, {kind} के लिए बहुत कम (आवश्यक: {limit} किग्रा)। {until} से दोबारा जाँच करें।"
        }
        (C::DonorHbBelowMin, Lang::En) => {
            "Haemoglobin {measured} g/dL is too low (required: {limit} g/dL). Check again from {until}."
        }
        (C::DonorHbBelowMin, Lang::Hi) => {
            "हीमोग्लोबिन {measured} g/dL है, बहुत कम (आवश्यक: {limit} g/dL)। {until} से दोबारा जाँच करें।"
        }
        (C::DonorHbAboveMax, Lang::En) => {
            "Haemoglobin {measured} g/dL is too high (allowed: {limit} g/dL). Check again from {until}."
        }
        (C::DonorHbAboveMax, Lang::Hi) => {
            "हीमोग्लोबिन {measured} g/dL है, बहुत अधिक (अनुमत: {limit} g/dL)। {until} से दोबारा जाँच करें।"
        }
        (C::DonorSystolicOutOfRange, Lang::En) => {
            "Systolic blood pressure {measured} mmHg is outside the limits (required: {limit} mmHg). Check again from {until}."
        }
        (C::DonorSystolicOutOfRange, Lang::Hi) => {
            "सिस्टोलिक रक्तचाप {measured} mmHg है, सीमा से बाहर (आवश्यक: {limit} mmHg)। {until} से दोबारा जाँच करें।"
        }
        (C::DonorDiastolicOutOfRange, Lang::En) => {
            "Diastolic blood pressure {measured} mmHg is outside the limits (required: {limit} mmHg). Check again from {until}."
        }
        (C::DonorDiastolicOutOfRange, Lang::Hi) => {
            "डायस्टोलिक रक्तचाप {measured} mmHg है, सीमा से बाहर (आवश्यक: {limit} mmHg)। {until} से दोबारा जाँच करें।"
        }
        (C::DonorPulseOutOfRange, Lang::En) => {
            "Pulse {measured}/min is outside the limits (required: {limit}/min). Check again from {until}."
        }
        (C::DonorPulseOutOfRange, Lang::Hi) => {
            "नाड़ी {measured}/मिनट है, सीमा से बाहर (आवश्यक: {limit}/मिनट)। {until} से दोबारा जाँच करें।"
        }
        (C::DonorTemperatureOutOfRange, Lang::En) => {
            "Temperature {measured} °C is outside the limits (required: {limit} °C). Check again from {until}."
        }
        (C::DonorTemperatureOutOfRange, Lang::Hi) => {
            "शरीर का तापमान {measured} °C है, सीमा से बाहर (आवश्यक: {limit} °C)। {until} से दोबारा जाँच करें।"
        }
        (C::DonorIntervalNotMet, Lang::En) => {
            "Last donation on {last_date}: {last_kind}. The next {kind} donation needs {interval} after it, so not before {until}."
        }
        (C::DonorIntervalNotMet, Lang::Hi) => {
            "पिछला रक्तदान {last_date} को: {last_kind}। {kind} के लिए इसके बाद {interval} का अंतर आवश्यक है, इसलिए {until} से पहले नहीं।"
        }
        (C::DonorDonationLimitReached, Lang::En) => {
            "{count} {family} donations in the last {window}: the limit is {limit}, so not before {until}."
        }
        (C::DonorDonationLimitReached, Lang::Hi) => {
            "पिछले {window} में {count} बार {family} रक्तदान: सीमा {limit} है, इसलिए {until} से पहले नहीं।"
        }
        (C::DonorDeferred, Lang::En) => {
            "{event} on {date}: deferred for {period}; may donate from {until}."
        }
        (C::DonorDeferred, Lang::Hi) => {
            "{date} को {event}: {period} के लिए रक्तदान स्थगित; {until} से रक्तदान कर सकते हैं।"
        }
        (C::DonorDeferredPermanently, Lang::En) => {
            "{event} on {date}: permanently deferred under this policy."
        }
        (C::DonorDeferredPermanently, Lang::Hi) => {
            "{date} को {event}: इस नीति के अनुसार स्थायी रूप से रक्तदान से वंचित।"
        }
        (C::DonorNotForPlatelets, Lang::En) => {
            "{event} on {date}: do not prepare platelets from this donation (platelet donation is deferred until {until})."
        }
        (C::DonorNotForPlatelets, Lang::Hi) => {
            "{date} को {event}: इस रक्तदान से प्लेटलेट्स न बनाएँ (प्लेटलेट दान {until} तक स्थगित है)।"
        }
        (C::DonorStateDefers, Lang::En) => "Not while {state}: check again from {until}.",
        (C::DonorStateDefers, Lang::Hi) => "{state} के दौरान रक्तदान नहीं: {until} से दोबारा जाँच करें।",
        (C::DonorPermanentCondition, Lang::En) => {
            "{condition}: permanently deferred under this policy."
        }
        (C::DonorPermanentCondition, Lang::Hi) => {
            "{condition}: इस नीति के अनुसार स्थायी रूप से रक्तदान से वंचित।"
        }
        (C::DonorReferToMedicalOfficer, Lang::En) => {
            "This policy has no rule for {subject}: the medical officer must decide."
        }
        (C::DonorReferToMedicalOfficer, Lang::Hi) => {
            "इस नीति में इसका कोई नियम नहीं है: {subject}। चिकित्सा अधिकारी निर्णय लें।"
        }
        (C::DonorCriterionNotConfigured, Lang::En) => {
            "{criterion} is not assessed: this policy sets no limit."
        }
        (C::DonorCriterionNotConfigured, Lang::Hi) => {
            "इस नीति में कोई सीमा नहीं है, इसलिए इसकी जाँच नहीं की गई: {criterion}।"
        }
        (C::ReleaseAllowed, Lang::En) => {
            "Every mandatory marker is non-reactive, the grouping is confirmed and the unit is in date: it may be released."
        }
        (C::ReleaseAllowed, Lang::Hi) => {
            "सभी अनिवार्य जाँचें नॉन-रिएक्टिव हैं, ग्रुपिंग की पुष्टि हो चुकी है और यूनिट समय-सीमा में है: इसे रिलीज़ किया जा सकता है।"
        }
        (C::TtiNotTested, Lang::En) => "{marker}: not tested yet.",
        (C::TtiNotTested, Lang::Hi) => "{marker}: जाँच अभी नहीं हुई।",
        (C::TtiAwaitingRepeat, Lang::En) => {
            "{marker}: initially reactive; repeat the test in duplicate before any release."
        }
        (C::TtiAwaitingRepeat, Lang::Hi) => {
            "{marker}: पहली जाँच रिएक्टिव; रिलीज़ से पहले जाँच दो बार दोहराएँ।"
        }
        (C::TtiReactive, Lang::En) => {
            "{marker}: {result}. Discard this unit and every component of the donation, and refer the donor."
        }
        (C::TtiReactive, Lang::Hi) => {
            "{marker}: {result}। यह यूनिट और इस दान के सभी कंपोनेंट नष्ट करें, और दाता को रेफ़र करें।"
        }
        (C::GroupingNotConfirmed, Lang::En) => {
            "ABO/RhD grouping is not confirmed: {missing} missing."
        }
        (C::GroupingNotConfirmed, Lang::Hi) => "ABO/RhD ग्रुपिंग की पुष्टि नहीं हुई: {missing} बाकी है।",
        (C::GroupingForwardReverseMismatch, Lang::En) => {
            "Forward grouping {forward} and reverse grouping {reverse} disagree: resolve before release (a Bombay donor reads as O on forward typing)."
        }
        (C::GroupingForwardReverseMismatch, Lang::Hi) => {
            "फॉरवर्ड ग्रुपिंग ({forward}) और रिवर्स ग्रुपिंग ({reverse}) मेल नहीं खातीं: रिलीज़ से पहले सुलझाएँ (बॉम्बे दाता फॉरवर्ड ग्रुपिंग में O जैसा दिखता है)।"
        }
        (C::GroupingLabelMismatch, Lang::En) => {
            "The unit is labelled {label} but groups as {forward}: resolve before release."
        }
        (C::GroupingLabelMismatch, Lang::Hi) => {
            "यूनिट पर {label} लिखा है पर ग्रुपिंग {forward} आई है: रिलीज़ से पहले सुलझाएँ।"
        }
        (C::GroupingHistoryMismatch, Lang::En) => {
            "The donor's earlier group was {historical}, today's is {forward}: resolve before release."
        }
        (C::GroupingHistoryMismatch, Lang::Hi) => {
            "दाता का पिछला ग्रुप {historical} था, आज {forward} आया है: रिलीज़ से पहले सुलझाएँ।"
        }
        (C::UnitExpired, Lang::En) => "The unit expired at {expires_at}.",
        (C::UnitExpired, Lang::Hi) => "यूनिट की समय-सीमा {expires_at} को समाप्त हो चुकी है।",
        (C::ReturnedToStock, Lang::En) => {
            "Returned after {minutes} minutes out of controlled storage (limit {limit}): back to stock."
        }
        (C::ReturnedToStock, Lang::Hi) => {
            "नियंत्रित भंडारण से बाहर {minutes} मिनट के बाद लौटाई गई (सीमा {limit} मिनट): वापस स्टॉक में।"
        }
        (C::ReturnedTooLate, Lang::En) => {
            "Returned after {minutes} minutes out of controlled storage (limit {limit}): discard."
        }
        (C::ReturnedTooLate, Lang::Hi) => {
            "नियंत्रित भंडारण से बाहर {minutes} मिनट के बाद लौटाई गई (सीमा {limit} मिनट): नष्ट करें।"
        }
        (C::TransfusedAfterExpiry, Lang::En) => {
            "Transfused at or after the unit's expiry ({expires_at}): report and follow up."
        }
        (C::TransfusedAfterExpiry, Lang::Hi) => {
            "यूनिट की समय-सीमा ({expires_at}) समाप्त होने के बाद चढ़ाई गई: रिपोर्ट करें और फ़ॉलो-अप करें।"
        }
        (C::Discarded, Lang::En) => "Discarded: {reason}.",
        (C::Discarded, Lang::Hi) => "नष्ट की गई: {reason}।",
        (C::ExpiryImported, Lang::En) => {
            "The imported record ({source}) gives the expiry {expires_at}, earlier than this policy's shelf life allows; the earlier expiry is kept."
        }
        (C::ExpiryImported, Lang::Hi) => {
            "आयात किया गया रिकॉर्ड ({source}) समाप्ति {expires_at} बताता है, जो इस नीति की शेल्फ़ लाइफ़ से पहले है; पहले वाली समाप्ति रखी गई है।"
        }
        (C::StatusImported, Lang::En) => {
            "The status {status} was taken from an imported record ({source}); the screening and grouping results behind it are not recorded in rakt."
        }
        (C::StatusImported, Lang::Hi) => {
            "स्थिति {status} आयात किए गए रिकॉर्ड ({source}) से ली गई है; इसके पीछे की जाँच और ग्रुपिंग के परिणाम rakt में दर्ज नहीं हैं।"
        }
        (C::EmergencyReleaseFollowUp, Lang::En) => {
            "Issued to {patient} before compatibility testing in an emergency ({justification}): draw a labelled sample, crossmatch after the event and switch to group-specific blood as soon as the group is known."
        }
        (C::EmergencyReleaseFollowUp, Lang::Hi) => {
            "आपातकाल में संगतता जाँच से पहले {patient} को जारी की गई ({justification}): लेबल लगा नमूना लें, बाद में क्रॉसमैच करें और ग्रुप ज्ञात होते ही उसी ग्रुप का रक्त दें।"
        }
        (C::UnitAllocated, Lang::En) => {
            "Chosen: a {donor} unit, choice {tier} in the policy's order, expiring {expires_at} (first to expire first)."
        }
        (C::UnitAllocated, Lang::Hi) => {
            "चुनी गई: {donor} यूनिट, नीति के क्रम में विकल्प {tier}, समाप्ति {expires_at} (जो पहले समाप्त हो, वह पहले)।"
        }
        (C::ScarceUnitExpiresFirst, Lang::En) => {
            "A scarce {donor} unit was used because it expires ({expires_at}) before the unit it replaced ({replaced_expires_at})."
        }
        (C::ScarceUnitExpiresFirst, Lang::Hi) => {
            "दुर्लभ {donor} यूनिट इसलिए दी गई क्योंकि इसकी समाप्ति ({expires_at}) उस यूनिट ({replaced_expires_at}) से पहले है जिसकी जगह यह दी गई।"
        }
        (C::Transferred, Lang::En) => {
            "Received from {from} at {to}; the transport temperatures stayed within the range for {storage} storage."
        }
        (C::Transferred, Lang::Hi) => {
            "{from} से {to} में प्राप्त; परिवहन के दौरान तापमान {storage} भंडारण की सीमा में रहा।"
        }
        (C::ColdChainBreach, Lang::En) => {
            "Carried from {from} to {to} at {min_celsius}–{max_celsius} °C, outside the transport range {range_min}–{range_max} °C for {storage} storage: discarded (cold-chain break)."
        }
        (C::ColdChainBreach, Lang::Hi) => {
            "{from} से {to} तक {min_celsius}–{max_celsius} °C पर ले जाई गई, जो {storage} भंडारण की परिवहन सीमा {range_min}–{range_max} °C से बाहर है: नष्ट की गई (कोल्ड-चेन टूटी)।"
        }
        (C::ScarceUnitLastResort, Lang::En) => {
            "A scarce {donor} unit was used because no unit of another compatible group was available."
        }
        (C::ScarceUnitLastResort, Lang::Hi) => {
            "दुर्लभ {donor} यूनिट इसलिए दी गई क्योंकि किसी अन्य संगत ग्रुप की यूनिट उपलब्ध नहीं थी।"
        }
    }
}
