//! High-risk pregnancy flags: stable codes, categories, severities and their messages in English
//! and Hindi.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::policy::{Citation, Confidence};
use crate::reason::{Fact, Facts, Lang, localise_fact, render_with};
use crate::vocab::maternal::{FlagCategory, FlagCode, FlagSeverity};

impl fmt::Display for FlagCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One high-risk finding, with its evidence and source.
///
/// ```
/// use rakt::maternal::{AncRecord, assess_pregnancy};
/// use rakt::{Lang, Policy};
/// use chrono::NaiveDate;
/// let record = AncRecord { hb_g_dl: Some("6.8".parse()?), ..AncRecord::default() };
/// let a = assess_pregnancy(&record, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), &Policy::india())?;
/// let f = &a.flags[0];
/// assert_eq!(f.code.as_str(), "SEVERE_ANAEMIA");
/// assert_eq!(f.facts.text("hb_g_dl").unwrap(), "6.8");
/// assert!(f.message(Lang::Hi).contains("गंभीर एनीमिया"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    /// The stable code.
    pub code: FlagCode,
    /// Its group (always `code.category()`).
    pub category: FlagCategory,
    /// How much it matters (always `code.severity()`).
    pub severity: FlagSeverity,
    /// The evidence, by name (`hb_g_dl`, `limit`, `bp`, ...).
    #[serde(default)]
    pub facts: Facts,
    /// Where the rule comes from.
    pub source: Citation,
    /// How sure we are of the rule's source.
    pub confidence: Confidence,
}

impl Flag {
    pub(crate) fn new(code: FlagCode, source: Citation, confidence: Confidence) -> Flag {
        Flag {
            code,
            category: code.category(),
            severity: code.severity(),
            facts: Facts::new(),
            source,
            confidence,
        }
    }

    pub(crate) fn fact(mut self, name: &'static str, value: impl Into<Fact>) -> Flag {
        self.facts.insert(name, value);
        self
    }

    /// The human message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        render_with(template(self.code, lang), &self.facts, lang, localise)
    }
}

/// Translate fact values that are codes.
fn localise(name: &str, value: &str, lang: Lang) -> String {
    let one = |v: &str| -> String {
        match (v, lang) {
            (_, Lang::En) => match v {
                "parity" => "previous births",
                "gravida" => "pregnancies",
                "transverse_or_oblique" => "transverse or oblique lie",
                "caesarean_before_labour" => "caesarean before labour",
                "severe_range_bp" => "severe-range blood pressure",
                "known_condition" => "known before pregnancy",
                "early_gestation" => "found early in pregnancy",
                other => return other.replace('_', " "),
            }
            .to_string(),
            (_, Lang::Hi) => match v {
                "parity" => "पिछले प्रसव",
                "gravida" => "गर्भधारण",
                "breech" => "ब्रीच (उल्टी स्थिति)",
                "transverse_or_oblique" => "आड़ी या तिरछी स्थिति",
                "cephalic" => "सिर नीचे (सामान्य)",
                "hypothyroid" => "हाइपोथायरायडिज्म",
                "hyperthyroid" => "हाइपरथायरायडिज्म",
                "severe_range_bp" => "गंभीर स्तर का रक्तचाप",
                "known_condition" => "गर्भावस्था से पहले ज्ञात",
                "early_gestation" => "गर्भावस्था के शुरू में पाया गया",
                "severe_headache" => "तेज़ सिरदर्द",
                "visual_disturbance" => "धुंधला दिखना",
                "epigastric_pain" => "पेट के ऊपरी भाग में दर्द",
                "dizziness" => "चक्कर आना",
                "vomiting" => "उल्टी",
                "proteinuria" => "पेशाब में प्रोटीन",
                "central_cyanosis" => "होंठ/जीभ का नीला पड़ना",
                "convulsing" => "दौरे (झटके)",
                "fever" => "बुखार",
                "imminent_delivery" => "प्रसव बिल्कुल निकट",
                "labour" => "प्रसव पीड़ा",
                "looks_very_ill" => "बहुत बीमार दिखना",
                "severe_vomiting" => "तेज़ उल्टी",
                "severe_pain" => "तेज़ दर्द",
                "severe_abdominal_pain" => "पेट में तेज़ दर्द",
                "unconscious" => "बेहोशी",
                "bleeding_vaginally" => "योनि से रक्तस्राव",
                "heart_disease" => "हृदय रोग",
                "diabetes" => "मधुमेह (डायबिटीज़)",
                "kidney_disease" => "गुर्दे का रोग",
                "epilepsy" => "मिर्गी",
                "tuberculosis" => "क्षय रोग (टीबी)",
                "sickle_cell_disease" => "सिकल सेल रोग",
                "thalassaemia" => "थैलेसीमिया",
                "malaria" => "मलेरिया",
                "asthma" => "दमा",
                "large_fibroids" => "बड़े फाइब्रॉइड",
                "previous_uterine_surgery" => "गर्भाशय की पिछली सर्जरी",
                "chorioamnionitis" => "कोरियोएम्नियोनाइटिस (झिल्ली का संक्रमण)",
                "polyhydramnios" => "पॉलीहाइड्रेमनियोस (अधिक एम्नियोटिक द्रव)",
                "oligohydramnios" => "ओलिगोहाइड्रेमनियोस (कम एम्नियोटिक द्रव)",
                "bad_obstetric_history" => "पिछली गर्भावस्थाओं का खराब इतिहास",
                "previous_home_delivery" => "पिछला प्रसव घर पर",
                other => return other.replace('_', " "),
            }
            .to_string(),
        }
    };
    match name {
        "gestation" => match (value, lang) {
            ("unknown", Lang::En) => "an unknown gestation".to_string(),
            ("unknown", Lang::Hi) => "अज्ञात गर्भावधि".to_string(),
            (v, Lang::En) => format!("{v} weeks"),
            (v, Lang::Hi) => format!("{v} सप्ताह"),
        },
        "birth_count" | "presentation" | "status" | "basis" | "sign" | "known_condition" => {
            one(value)
        }
        "features" => value
            .split(',')
            .map(one)
            .collect::<Vec<_>>()
            .join(match lang {
                Lang::En => ", ",
                Lang::Hi => ", ",
            }),
        _ => localise_fact(name, value, lang),
    }
}

/// The message template of each flag in each language.
fn template(code: FlagCode, lang: Lang) -> &'static str {
    use FlagCode as F;
    match (code, lang) {
        (F::YoungAge, Lang::En) => "Age {age} years ({limit}): a young mother is at higher risk.",
        (F::YoungAge, Lang::Hi) => "आयु {age} वर्ष ({limit}): कम उम्र की माँ में जोखिम अधिक है।",
        (F::OldAge, Lang::En) => "Age {age} years ({limit}): an older mother is at higher risk.",
        (F::OldAge, Lang::Hi) => "आयु {age} वर्ष ({limit}): अधिक उम्र की माँ में जोखिम अधिक है।",
        (F::ShortStature, Lang::En) => {
            "Height {height_cm} cm ({limit}): short stature, risk of obstructed labour."
        }
        (F::ShortStature, Lang::Hi) => {
            "लंबाई {height_cm} सेमी ({limit}): कम कद, रुके हुए प्रसव का जोखिम।"
        }
        (F::LowWeight, Lang::En) => "Weight {weight_kg} kg ({limit}): low body weight.",
        (F::LowWeight, Lang::Hi) => "वज़न {weight_kg} किग्रा ({limit}): शरीर का वज़न कम है।",
        (F::GrandMultiparity, Lang::En) => {
            "{count} {birth_count} ({limit}): grand multiparity, risk of haemorrhage."
        }
        (F::GrandMultiparity, Lang::Hi) => {
            "{count} {birth_count} ({limit}): अधिक प्रसव, रक्तस्राव का जोखिम।"
        }
        (F::ShortBirthInterval, Lang::En) => {
            "{months} months since the last pregnancy ({limit}): short interval."
        }
        (F::ShortBirthInterval, Lang::Hi) => {
            "पिछली गर्भावस्था से {months} महीने ({limit}): दो गर्भधारण के बीच कम अंतर।"
        }
        (F::PreviousCaesarean, Lang::En) => {
            "{count} previous caesarean section(s): deliver where caesarean section is available."
        }
        (F::PreviousCaesarean, Lang::Hi) => {
            "पहले {count} सिज़ेरियन ऑपरेशन: प्रसव वहीं कराएँ जहाँ सिज़ेरियन की सुविधा हो।"
        }
        (F::PreviousStillbirth, Lang::En) => "{count} previous stillbirth(s).",
        (F::PreviousStillbirth, Lang::Hi) => "पहले {count} मृत जन्म (स्टिलबर्थ)।",
        (F::PreviousNeonatalDeath, Lang::En) => "{count} previous neonatal death(s).",
        (F::PreviousNeonatalDeath, Lang::Hi) => "पहले {count} नवजात शिशु की मृत्यु।",
        (F::RecurrentAbortion, Lang::En) => "{count} previous abortions ({limit}).",
        (F::RecurrentAbortion, Lang::Hi) => "पहले {count} गर्भपात ({limit})।",
        (F::PreviousPph, Lang::En) => {
            "Postpartum haemorrhage in an earlier delivery: risk of bleeding again."
        }
        (F::PreviousPph, Lang::Hi) => {
            "पिछले प्रसव में प्रसवोत्तर रक्तस्राव (PPH) हुआ था: दोबारा रक्तस्राव का जोखिम।"
        }
        (F::MultiplePregnancy, Lang::En) => "{fetuses} fetuses: multiple pregnancy.",
        (F::MultiplePregnancy, Lang::Hi) => "{fetuses} भ्रूण: एक से अधिक शिशु (बहु-गर्भावस्था)।",
        (F::Malpresentation, Lang::En) => "Malpresentation: {presentation}.",
        (F::Malpresentation, Lang::Hi) => "शिशु की असामान्य स्थिति: {presentation}।",
        (F::PostTerm, Lang::En) => {
            "Gestation {gestation} ({limit} weeks or more): post-term pregnancy."
        }
        (F::PostTerm, Lang::Hi) => {
            "गर्भावधि {gestation} ({limit} सप्ताह या अधिक): निर्धारित समय से अधिक गर्भावस्था।"
        }
        (F::PlacentaPraevia, Lang::En) => {
            "Placenta praevia or low-lying placenta: risk of severe bleeding; deliver where caesarean section and blood transfusion are available."
        }
        (F::PlacentaPraevia, Lang::Hi) => {
            "प्लेसेंटा प्रीविया या नीचे स्थित प्लेसेंटा: गंभीर रक्तस्राव का जोखिम; प्रसव वहीं कराएँ जहाँ सिज़ेरियन और रक्त चढ़ाने की सुविधा हो।"
        }
        (F::SuspectedAccreta, Lang::En) => {
            "Suspected placenta accreta: risk of massive bleeding; deliver where caesarean section and blood transfusion are available."
        }
        (F::SuspectedAccreta, Lang::Hi) => {
            "प्लेसेंटा एक्रीटा की आशंका: बहुत अधिक रक्तस्राव का जोखिम; प्रसव वहीं कराएँ जहाँ सिज़ेरियन और रक्त चढ़ाने की सुविधा हो।"
        }
        (F::ObstetricCondition, Lang::En) => "Obstetric condition: {known_condition}.",
        (F::ObstetricCondition, Lang::Hi) => "प्रसूति संबंधी स्थिति: {known_condition}।",
        (F::RaisedBpUnconfirmed, Lang::En) => {
            "Blood pressure {bp} is in the hypertensive range: repeat the reading to confirm."
        }
        (F::RaisedBpUnconfirmed, Lang::Hi) => {
            "रक्तचाप {bp} उच्च रक्तचाप की सीमा में है: पुष्टि के लिए दोबारा मापें।"
        }
        (F::ChronicHypertension, Lang::En) => "Chronic hypertension ({basis}).",
        (F::ChronicHypertension, Lang::Hi) => "पुराना (दीर्घकालिक) उच्च रक्तचाप ({basis})।",
        (F::GestationalHypertension, Lang::En) => {
            "Gestational hypertension: blood pressure {bp} on both readings."
        }
        (F::GestationalHypertension, Lang::Hi) => "गर्भावस्था में उच्च रक्तचाप: दोनों बार रक्तचाप {bp}।",
        (F::SevereHypertension, Lang::En) => {
            "Severe hypertension: blood pressure {bp} on both readings. Treat and refer urgently."
        }
        (F::SevereHypertension, Lang::Hi) => {
            "गंभीर उच्च रक्तचाप: दोनों बार रक्तचाप {bp}। उपचार करें और तुरंत रेफर करें।"
        }
        (F::PreEclampsia, Lang::En) => {
            "Pre-eclampsia: blood pressure {bp} with urine protein {protein}."
        }
        (F::PreEclampsia, Lang::Hi) => "प्री-एक्लेम्पसिया: रक्तचाप {bp} और पेशाब में प्रोटीन {protein}।",
        (F::SeverePreEclampsia, Lang::En) => {
            "Severe pre-eclampsia: blood pressure {bp} with {features}. Give magnesium sulphate and refer urgently for delivery."
        }
        (F::SeverePreEclampsia, Lang::Hi) => {
            "गंभीर प्री-एक्लेम्पसिया: रक्तचाप {bp}, साथ में {features}। मैग्नीशियम सल्फेट दें और प्रसव के लिए तुरंत रेफर करें।"
        }
        (F::Eclampsia, Lang::En) => {
            "Eclampsia: convulsions with blood pressure {bp}. Emergency: give magnesium sulphate and refer now."
        }
        (F::Eclampsia, Lang::Hi) => {
            "एक्लेम्पसिया: दौरे और रक्तचाप {bp}। आपातकाल: मैग्नीशियम सल्फेट दें और अभी रेफर करें।"
        }
        (F::SevereAnaemia, Lang::En) => {
            "Severe anaemia: Hb {hb_g_dl} g/dL ({limit}). Refer to an FRU for treatment and possible transfusion."
        }
        (F::SevereAnaemia, Lang::Hi) => {
            "गंभीर एनीमिया: Hb {hb_g_dl} g/dL ({limit})। उपचार और संभावित रक्त चढ़ाने के लिए FRU रेफर करें।"
        }
        (F::Gdm, Lang::En) => {
            "Gestational diabetes: 75 g OGTT 2-hour glucose {glucose_mg_dl} mg/dL ({limit})."
        }
        (F::Gdm, Lang::Hi) => {
            "गर्भावधि मधुमेह: 75 ग्राम OGTT में 2 घंटे का ग्लूकोज़ {glucose_mg_dl} mg/dL ({limit})।"
        }
        (F::HivPositive, Lang::En) => {
            "HIV-positive: link to care and prevent transmission to the baby."
        }
        (F::HivPositive, Lang::Hi) => "HIV पॉज़िटिव: उपचार से जोड़ें और शिशु में संक्रमण रोकें।",
        (F::SyphilisPositive, Lang::En) => {
            "Syphilis-positive: treat the mother and follow up the baby."
        }
        (F::SyphilisPositive, Lang::Hi) => "सिफलिस पॉज़िटिव: माँ का उपचार करें और शिशु की जाँच करें।",
        (F::HbsagPositive, Lang::En) => {
            "HBsAg-positive: deliver in an institution; the newborn needs hepatitis B vaccine and HBIG within 24 hours."
        }
        (F::HbsagPositive, Lang::Hi) => {
            "HBsAg पॉज़िटिव: प्रसव संस्थान में कराएँ; नवजात को 24 घंटे के भीतर हेपेटाइटिस B टीका और HBIG चाहिए।"
        }
        (F::ThyroidDisorder, Lang::En) => "Thyroid disorder: {status}.",
        (F::ThyroidDisorder, Lang::Hi) => "थायरॉइड विकार: {status}।",
        (F::RhNegative, Lang::En) => {
            "Blood group {group}: RhD-negative mother; anti-D prophylaxis and RhD-negative blood if transfused."
        }
        (F::RhNegative, Lang::Hi) => {
            "ब्लड ग्रुप {group}: माँ RhD-नेगेटिव है; एंटी-D रोकथाम करें और रक्त चढ़ाना हो तो RhD-नेगेटिव रक्त दें।"
        }
        (F::Coagulopathy, Lang::En) => {
            "Known coagulation disorder: risk of severe bleeding at delivery."
        }
        (F::Coagulopathy, Lang::Hi) => {
            "ज्ञात रक्त-स्कंदन (थक्का बनने) विकार: प्रसव के समय गंभीर रक्तस्राव का जोखिम।"
        }
        (F::MedicalCondition, Lang::En) => "Known medical condition: {known_condition}.",
        (F::MedicalCondition, Lang::Hi) => "ज्ञात चिकित्सीय स्थिति: {known_condition}।",
        (F::VaginalBleeding, Lang::En) => {
            "Vaginal bleeding at {gestation}: refer to a CHC or higher now."
        }
        (F::VaginalBleeding, Lang::Hi) => {
            "{gestation} पर योनि से रक्तस्राव: अभी CHC या उससे ऊँचे केंद्र पर रेफर करें।"
        }
        (F::AntepartumHaemorrhage, Lang::En) => {
            "Antepartum haemorrhage (vaginal bleeding at {gestation}): emergency, refer to an FRU now."
        }
        (F::AntepartumHaemorrhage, Lang::Hi) => {
            "प्रसवपूर्व रक्तस्राव ({gestation} पर योनि से रक्तस्राव): आपातकाल, अभी FRU रेफर करें।"
        }
        (F::DangerSign, Lang::En) => "Danger sign: {sign}. Refer urgently to hospital.",
        (F::DangerSign, Lang::Hi) => "खतरे का संकेत: {sign}। तुरंत अस्पताल रेफर करें।",
        (F::NeedsHighDependency, Lang::En) => {
            "Needs high-dependency care: refer to the obstetric HDU of a district hospital."
        }
        (F::NeedsHighDependency, Lang::Hi) => {
            "उच्च निर्भरता देखभाल चाहिए: ज़िला अस्पताल की प्रसूति HDU में रेफर करें।"
        }
        (F::NeedsIntensiveCare, Lang::En) => {
            "Needs intensive care: refer to the obstetric ICU of a medical college hospital."
        }
        (F::NeedsIntensiveCare, Lang::Hi) => {
            "गहन देखभाल चाहिए: मेडिकल कॉलेज अस्पताल की प्रसूति ICU में रेफर करें।"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(t: &str) -> BTreeSet<String> {
        t.split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name.to_string()))
            .collect()
    }

    #[test]
    fn every_flag_has_english_and_hindi_with_the_same_facts() {
        for &code in FlagCode::ALL {
            let en = template(code, Lang::En);
            let hi = template(code, Lang::Hi);
            assert_eq!(placeholders(en), placeholders(hi), "{code}");
            assert!(
                hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)),
                "{code}: Hindi must be Devanagari"
            );
            assert_eq!(FlagCode::parse(code.as_str()), Some(code));
            assert_eq!(
                serde_json::to_string(&code).ok(),
                Some(format!("\"{}\"", code.as_str()))
            );
        }
    }
}
