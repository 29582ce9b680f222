import type { StarterProcedure } from './types';

/** 肉毒桿菌素注射 — starter explanation sheet (frozen with migration 0040). */
export const botulinumToxin: StarterProcedure = {
  code: 'botulinum_toxin',
  nameZh: '肉毒桿菌素注射',
  nameEn: 'Botulinum toxin injection',
  category: 'injectable',
  anaesthesia: 'none',
  witnessRequired: false,
  coolingOffDays: 1,
  followUpPlan: [
    { id: 'd1_physician', dayOffset: 1, role: 'physician', method: 'phone', focus: '詢問注射部位疼痛、腫脹、瘀青與膚色變化，以及有無頭痛、吞嚥或呼吸不適' },
    { id: 'd7_nurse', dayOffset: 7, role: 'nurse', method: 'phone_or_visit', focus: '恢復狀況與照護指導：效果出現情形、有無眼皮或眉毛下垂、表情不對稱，回答照護問題' },
    { id: 'd14_physician', dayOffset: 14, role: 'physician', method: 'visit', focus: '回診評估效果與兩側對稱性，進行補打評估' },
    { id: 'd30_consultant', dayOffset: 30, role: 'consultant', method: 'phone', focus: '了解效果與原本期待是否相符，以及病人的心情與滿意度' },
  ],
  templates: {
    'zh-TW': {
      title: '肉毒桿菌素注射說明書',
      purpose: `肉毒桿菌素（A 型肉毒桿菌毒素）是經過高度純化的蛋白質藥品。以極小劑量注射到特定肌肉，可暫時阻斷神經對肌肉的訊號，使肌肉放鬆。美容上主要用於減少表情動作造成的動態紋路，例如眉間紋、抬頭紋與魚尾紋；也常用於修飾咀嚼肌肥大（下顎角較寬的臉型）等。其中部分用途（例如咀嚼肌、小腿肌肉）屬於藥品仿單核准範圍以外的使用，醫師會另外向您說明。

本療程屬於改善外觀的美容醫療，並非治療疾病所必需。是否注射、注射哪些部位與劑量，都由您在充分了解後自行決定；您可以隨時提出問題，也可以決定不做。`,
      howItIsDone: `1. 評估與拍照：醫師會請您做皺眉、抬眉、微笑、咬牙等表情，觀察肌肉的力量、位置與兩側原本的差異，並拍攝治療前照片。
2. 麻醉：使用極細的針頭，一般不需要麻醉；怕痛者可在注射前冰敷。
3. 消毒與注射：清潔消毒皮膚後，醫師在事先規劃的位置注射微量藥劑，每個部位數針，整個注射過程約數分鐘。
4. 紀錄：產品品牌、批號、單位數（U）與注射位置會記錄於病歷。不同品牌的「單位」不能直接互相換算，日後換品牌時請提供此紀錄。
5. 觀察：注射後請在院內休息約 15 分鐘，確認無不適後再離開。

整個過程（含評估）約 15–30 分鐘。`,
      expectedResult: `效果不會在注射後立刻出現：一般在 2–3 天後開始，約 1–2 週達到最明顯的效果。

動態紋路會變淺，做表情時皺紋減少；不做表情時也存在的靜態深紋，通常只能部分改善。咀嚼肌的修飾效果是肌肉逐漸變薄的結果，約 4–8 週才看得出臉型變化，可能需要數次治療累積。

效果一般維持約 3–6 個月（咀嚼肌可能稍長），之後隨著神經末梢重新生長，肌肉活動會逐漸恢復。停止注射後會回到原本的狀態，不會因為打過而變得比以前更老。`,
      recoveryTimeline: `• 當天：針孔處可能有小紅點或小腫塊，多在 15–30 分鐘內消退，一般可以正常上班。
• 第 1–7 天：少數人出現瘀青或輕微頭痛；效果從第 2–3 天起逐漸出現。
• 第 2 週：效果大致完整，是回診評估與決定是否補打的時機。
• 第 3–6 個月：效果逐漸減退，肌肉活動慢慢恢復。`,
      limitations: `• 肉毒桿菌素主要處理表情動作造成的「動態紋」。靜態深紋、皮膚鬆弛、凹陷或膚質問題無法單靠肉毒改善，可能需要搭配其他療程。
• 效果是暫時的，需要定期重複注射。間隔太短或劑量太高，可能增加產生抗體、日後效果變差的機會。
• 劑量不足效果有限，劑量太高可能讓表情不自然；醫師通常寧可保守施打，2 週後再評估是否補打。
• 個人肌肉力量、代謝速度與原本的不對稱都會影響結果，無法保證兩側完全對稱。
• 效果出現後若不滿意，無法立即「解除」，只能等待藥效自然消退。`,
      risks: [
        { id: 'injection_site_reaction', text: '注射部位疼痛、紅點、腫塊或瘀青：多在數小時至數天內消退；服用抗凝血劑、阿斯匹靈或魚油者較容易瘀青。', frequency: 'common', severity: 'mild' },
        { id: 'headache', text: '頭痛：少數人在額頭或眉間注射後出現輕度頭痛，多在數天內緩解，可依醫師建議使用一般止痛藥。', frequency: 'common', severity: 'mild' },
        { id: 'ptosis', text: '眼皮或眉毛下垂：藥劑擴散到提眼瞼肌，或額頭肌肉過度放鬆，通常在注射後數天至兩週內出現，多在數週內逐漸恢復，少數可持續到藥效消退；眼皮下垂可由醫師處方眼藥水暫時改善。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'asymmetry', text: '表情不對稱：例如兩側眉毛高度不同、眉尾過度上揚，或微笑不對稱；多可在 2 週回診時以微量補打修正。', frequency: 'uncommon', severity: 'mild' },
        { id: 'frozen_expression', text: '表情僵硬、不自然：劑量較高或範圍較大時，額頭可能完全不動、表情顯得呆板；咀嚼肌注射後可能暫時覺得咀嚼較沒力。這些情形會隨藥效消退而恢復，無法立即逆轉。', frequency: 'uncommon', severity: 'mild' },
        { id: 'dry_eye', text: '眼睛乾澀、流淚或閉眼不完全：眼周（如魚尾紋）注射後可能影響眨眼與淚液分布，多為暫時性，可使用人工淚液；原本有乾眼症者較容易發生。', frequency: 'rare', severity: 'mild' },
        { id: 'diplopia', text: '複視或視力模糊：眼周注射時藥劑影響控制眼球轉動的肌肉所致，極少見，多為暫時；若發生請立即聯絡本院並就醫評估。', frequency: 'rare', severity: 'moderate' },
        { id: 'antibody_resistance', text: '產生抗體、效果變差：反覆高劑量或短間隔注射，少數人會產生中和抗體，之後注射效果減弱甚至無效，也可能影響日後因疾病（如肌張力不全）需要的肉毒治療。', frequency: 'rare', severity: 'moderate' },
        { id: 'allergic_reaction', text: '過敏反應：對藥品或其成分過敏，表現為皮疹、搔癢或蕁麻疹；嚴重的全身性過敏反應極為罕見。', frequency: 'rare', severity: 'moderate' },
        { id: 'distant_spread', text: '藥效遠端擴散：藥劑擴散到注射部位以外，可能在注射後數小時至數週內出現全身無力、吞嚥困難、說話困難或呼吸困難，嚴重時可危及生命。美容劑量下極為罕見，多見於高劑量或有神經肌肉疾病者；一旦出現上述症狀，請立即前往急診並告知曾注射肉毒桿菌素。', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: '不接受治療：表情紋路不會危害健康，選擇不治療是完全合理的決定；紋路可能隨年齡逐漸加深。' },
        { id: 'ha_filler', text: '玻尿酸填充：用於靜態深紋與凹陷，不影響肌肉活動；作用方式與肉毒不同，有時兩者合併使用。' },
        { id: 'topical_skincare', text: '外用保養與防曬：A 酸類（retinoids）與每日防曬可改善細紋與膚質、減緩光老化，對表情動作造成的紋路效果有限。' },
        { id: 'energy_devices', text: '雷射、電波（RF）等能量療程：可改善膚質、細紋與輕度鬆弛，但無法減少肌肉收縮造成的動態紋。' },
        { id: 'surgery', text: '手術：如提眉手術或下顎角整形手術，效果持久，但需要麻醉、恢復期較長，手術風險也較高。' },
      ],
      aftercare: `• 一般建議注射後 4 小時內保持上半身直立，避免平躺、趴下或長時間低頭彎腰。
• 當天不要按摩、揉壓或熱敷注射部位，避免戴會壓迫注射部位的帽子或髮帶。
• 當天避免劇烈運動、三溫暖、泡溫泉與飲酒。
• 注射點數小時後可輕柔洗臉、上妝。
• 2 週內若要在同部位做臉部按摩、電波或其他療程，請先與醫師確認。
• 效果約 2 週才完整，請於回診評估後再決定是否補打，不要在其他院所自行追加注射。
• 若出現吞嚥困難、呼吸困難、說話困難、全身無力、複視或視力模糊，請立即前往急診並告知曾注射肉毒桿菌素，同時聯絡本院。
• 若出現眼皮下垂、明顯不對稱或其他困擾，請聯絡本院安排回診。`,
      preOpInstructions: `• 請告知所有正在使用的藥物與保健食品，特別是抗凝血劑、阿斯匹靈或其他抗血小板藥、魚油，以及 aminoglycoside 類抗生素（如 gentamicin）、肌肉鬆弛劑等可能影響神經肌肉傳導的藥物。處方藥請勿自行停用。
• 請告知是否有重症肌無力等神經肌肉疾病、吞嚥或呼吸方面的問題、乾眼症，以及過去注射肉毒桿菌素的品牌、劑量、時間與反應（特別是最近 3 個月內是否注射過）。
• 懷孕、可能懷孕或正在哺乳，請告知，本療程將延後。
• 若有婚禮、拍照等重要活動，建議至少提前 2–4 週注射，以便效果穩定並保留補打時間。
• 治療當天請盡量素顏到院，或提早到院卸妝。`,
      contraindications: [
        { id: 'pregnancy', text: '懷孕中或可能懷孕：孕期注射肉毒桿菌素的安全性尚未確立，應延後至生產後。', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: '哺乳中：藥品是否分泌至乳汁及對嬰兒的影響資料不足，一般建議延後至停止哺乳後。', flaggedBy: ['breastfeeding'] },
        { id: 'neuromuscular_disease', text: '重症肌無力、Lambert-Eaton 症候群、肌萎縮性側索硬化症等神經肌肉疾病：可能加重肌肉無力，甚至造成吞嚥或呼吸困難，不應注射。', flaggedBy: [] },
        { id: 'interacting_drugs', text: '正在使用 aminoglycoside 類抗生素或其他影響神經肌肉傳導的藥物：可能增強肉毒桿菌素的作用，需由醫師評估是否延後。', flaggedBy: [] },
        { id: 'anticoagulant', text: '服用抗凝血劑（如 warfarin 或新型口服抗凝血劑）：瘀青風險增加；切勿自行停藥，需與開藥醫師討論。', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: '服用阿斯匹靈、clopidogrel 等抗血小板藥物：瘀青風險增加；處方藥請勿自行停用。', flaggedBy: ['antiplatelet'] },
        { id: 'active_infection', text: '注射部位有活動性感染或發炎：需待痊癒後再注射。', flaggedBy: [] },
        { id: 'product_allergy', text: '曾對肉毒桿菌素產品或其成分過敏（部分產品含人類白蛋白或微量牛奶蛋白）：不宜注射該產品。', flaggedBy: [] },
        { id: 'minor', text: '未滿 18 歲：需法定代理人共同同意，醫師亦會特別審慎評估施作的必要性。', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_onset_duration',
          question: '肉毒桿菌素注射的效果大約何時出現、可以維持多久？',
          options: ['打完立刻見效，而且永久維持', '約一個月後才開始出現，可維持兩年以上', '約 2–3 天開始出現、1–2 週最明顯，效果約 3–6 個月後逐漸消退'],
          correctIndex: 2,
          topic: 'expected_result',
        },
        {
          id: 'q_distant_spread',
          question: '注射後幾天內，如果出現吞嚥困難、呼吸困難、說話不清或全身無力，應該怎麼做？',
          options: ['立即前往急診並告知曾注射肉毒桿菌素，同時聯絡本院', '這是正常反應，多喝水休息即可', '等到兩週後回診時再告訴醫師'],
          correctIndex: 0,
          topic: 'risks',
        },
        {
          id: 'q_limits',
          question: '關於肉毒桿菌素的限制，下列何者正確？',
          options: ['打一次就永久有效', '可以填補凹陷並改善皮膚鬆垂', '保證兩側表情完全對稱', '主要改善表情動作造成的動態紋，靜態深紋與鬆弛改善有限，且需定期重複注射'],
          correctIndex: 3,
          topic: 'limitations',
        },
        {
          id: 'q_aftercare',
          question: '注射當天的照護，下列何者正確？',
          options: ['立刻用力按摩注射部位，幫助藥效分布', '數小時內避免按摩揉壓注射部位、避免平躺或趴下，當天避免劇烈運動與三溫暖', '當天可以接著做臉部按摩或電波'],
          correctIndex: 1,
          topic: 'aftercare',
        },
      ],
    },
    en: {
      title: 'Botulinum toxin injection: patient information',
      purpose: `Botulinum toxin (botulinum toxin type A) is a highly purified protein medicine. Injected in very small doses into specific muscles, it temporarily blocks the nerve signal to the muscle so that the muscle relaxes. In aesthetic practice it is mainly used to reduce lines caused by facial movement (dynamic lines), such as frown lines between the brows, forehead lines and crow's feet. It is also commonly used to slim enlarged masseter (jaw) muscles. Some of these uses (for example the masseter or calf muscles) are outside the approved indications on the product label (off-label use); the physician will explain this separately.

This is an aesthetic treatment to change appearance; it is not needed to treat any illness. Whether to be treated, which areas and what dose are your decisions, made after you have understood the information. You may ask questions at any time, and you may decide not to go ahead.`,
      howItIsDone: `1. Assessment and photographs: the physician asks you to frown, raise your brows, smile and clench your teeth to see the strength and position of the muscles and any pre-existing differences between the two sides, and takes pre-treatment photographs.
2. Anaesthesia: a very fine needle is used and anaesthesia is usually not needed; if you are worried about pain, ice can be applied beforehand.
3. Disinfection and injection: after the skin is cleaned and disinfected, the physician injects small amounts at pre-planned points, a few injections per area. The injections themselves take a few minutes.
4. Records: the brand, lot number, number of units (U) and injection points are recorded in your chart. Units of different brands cannot be converted directly, so please provide this record if you change brand in future.
5. Observation: please rest in the clinic for about 15 minutes after injection and leave once you feel well.

The whole visit, including assessment, takes about 15–30 minutes.`,
      expectedResult: `The effect does not appear immediately: it generally starts after 2–3 days and reaches its peak at about 1–2 weeks.

Dynamic lines become softer and wrinkle less when you make expressions. Deep static lines that are present even at rest usually improve only partly. Slimming of the jaw results from the masseter muscle gradually thinning; a change in face shape takes about 4–8 weeks to show and may need several treatments to build up.

The effect generally lasts about 3–6 months (somewhat longer in the masseter), after which muscle activity gradually returns as the nerve endings regrow. When you stop treatment, things return to how they were; having had injections does not make you look older than before.`,
      recoveryTimeline: `• Same day: small red marks or bumps at the injection points, usually gone within 15–30 minutes. Most people can return to work.
• Days 1–7: a few people have bruising or a mild headache. The effect gradually appears from day 2–3.
• Week 2: the effect is largely complete; this is the time for the review and to decide whether a touch-up is needed.
• Months 3–6: the effect gradually wears off and muscle movement slowly returns.`,
      limitations: `• Botulinum toxin mainly treats dynamic lines caused by facial movement. Deep static lines, skin laxity, hollowing and skin-quality problems cannot be fixed by botulinum toxin alone and may need other treatments.
• The effect is temporary and injections need to be repeated regularly. Very short intervals or high doses may increase the chance of antibodies forming and the treatment working less well in future.
• Too low a dose has limited effect; too high a dose may make expressions look unnatural. Physicians usually prefer a conservative dose with a review after 2 weeks to decide on a touch-up.
• Your muscle strength, metabolism and pre-existing asymmetry affect the result; perfect symmetry cannot be guaranteed.
• If you are unhappy once the effect appears, it cannot be reversed immediately; it can only wear off naturally.`,
      risks: [
        { id: 'injection_site_reaction', text: 'Pain, red marks, small bumps or bruising at the injection sites: usually settle within hours to a few days. Bruising is more likely if you take anticoagulants, aspirin or fish oil.', frequency: 'common', severity: 'mild' },
        { id: 'headache', text: 'Headache: a few people have a mild headache after forehead or frown-line injections; it usually settles within a few days, and ordinary painkillers may be used as advised by the physician.', frequency: 'common', severity: 'mild' },
        { id: 'ptosis', text: 'Drooping eyelid or brow: caused by the medicine spreading to the muscle that lifts the eyelid, or by excessive relaxation of the forehead muscle. It usually appears within a few days to two weeks, mostly recovers gradually over several weeks, and occasionally lasts until the effect wears off. A drooping eyelid can be temporarily improved with prescription eye drops.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'asymmetry', text: 'Asymmetric expression: for example brows at different heights, an over-arched brow tail, or an uneven smile. This can usually be corrected with a small touch-up at the 2-week review.', frequency: 'uncommon', severity: 'mild' },
        { id: 'frozen_expression', text: 'Stiff or unnatural expression: with higher doses or larger areas the forehead may not move at all and the face may look expressionless; after masseter injection chewing may feel temporarily weaker. These effects recover as the medicine wears off and cannot be reversed immediately.', frequency: 'uncommon', severity: 'mild' },
        { id: 'dry_eye', text: 'Dry, watery eyes or incomplete eye closure: injection around the eyes (such as crow\'s feet) may affect blinking and the spread of tears. Usually temporary and helped by artificial tears; more likely if you already have dry eye.', frequency: 'rare', severity: 'mild' },
        { id: 'diplopia', text: 'Double or blurred vision: caused by the medicine affecting the muscles that move the eye after injection near the eye. Very uncommon and usually temporary; if it happens, contact the clinic immediately and seek medical assessment.', frequency: 'rare', severity: 'moderate' },
        { id: 'antibody_resistance', text: 'Antibody formation and loss of effect: with repeated high doses or short intervals, a few people develop neutralising antibodies, so later injections work less well or not at all. This may also affect botulinum toxin treatment needed for a medical condition in future (such as dystonia).', frequency: 'rare', severity: 'moderate' },
        { id: 'allergic_reaction', text: 'Allergic reaction: allergy to the medicine or its components, shown as rash, itching or hives. A severe whole-body allergic reaction is extremely rare.', frequency: 'rare', severity: 'moderate' },
        { id: 'distant_spread', text: 'Distant spread of toxin effect: the medicine spreading beyond the injection site may, from hours to weeks after injection, cause generalised weakness, difficulty swallowing, speaking or breathing, which can be life-threatening. This is extremely rare at aesthetic doses and is seen mostly with high doses or in people with neuromuscular disease. If any of these symptoms occur, go to an emergency department immediately and say you have had botulinum toxin.', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: 'No treatment: expression lines are not a danger to health, and choosing not to be treated is an entirely reasonable decision. The lines may deepen with age.' },
        { id: 'ha_filler', text: 'Hyaluronic-acid filler: used for deep static lines and hollows, without affecting muscle movement. It works differently from botulinum toxin and the two are sometimes combined.' },
        { id: 'topical_skincare', text: 'Topical skincare and sun protection: retinoids and daily sunscreen can improve fine lines and skin quality and slow photo-ageing, but have limited effect on lines caused by movement.' },
        { id: 'energy_devices', text: 'Laser, radiofrequency (RF) and other energy-based treatments: can improve skin quality, fine lines and mild laxity, but cannot reduce dynamic lines caused by muscle contraction.' },
        { id: 'surgery', text: 'Surgery, such as a brow lift or mandibular angle surgery: the effect is lasting, but it requires anaesthesia, a longer recovery and carries higher surgical risks.' },
      ],
      aftercare: `• It is generally advised to stay upright for 4 hours after injection and avoid lying flat, lying face-down or bending over for long periods.
• On the day of treatment do not massage, rub or apply heat to the treated areas, and avoid hats or headbands that press on them.
• On the day of treatment avoid strenuous exercise, saunas, hot springs and alcohol.
• You may gently wash your face and apply make-up a few hours after injection.
• Check with the physician before having facial massage, radiofrequency or other treatments on the same area within 2 weeks.
• The full effect takes about 2 weeks. Decide on any touch-up at the review, and do not have extra injections elsewhere.
• If you develop difficulty swallowing, breathing or speaking, generalised weakness, double vision or blurred vision, go to an emergency department immediately and say you have had botulinum toxin, and contact the clinic.
• If you notice a drooping eyelid, marked asymmetry or anything else that troubles you, contact the clinic to arrange a review.`,
      preOpInstructions: `• Tell us about every medicine and supplement you take, especially anticoagulants, aspirin or other antiplatelet drugs, fish oil, and medicines that may affect nerve-muscle transmission such as aminoglycoside antibiotics (e.g. gentamicin) and muscle relaxants. Do not stop prescribed medicines on your own.
• Tell us if you have myasthenia gravis or another neuromuscular disease, problems with swallowing or breathing, or dry eye, and the brand, dose, date and response of any previous botulinum toxin injections (especially any within the last 3 months).
• If you are pregnant, may be pregnant or are breastfeeding, please tell us; treatment will be postponed.
• Before an important event such as a wedding or photo shoot, have the injection at least 2–4 weeks beforehand so the effect can settle and there is time for a touch-up.
• Please come without make-up if possible, or arrive early to remove it.`,
      contraindications: [
        { id: 'pregnancy', text: 'Pregnant or possibly pregnant: the safety of botulinum toxin in pregnancy has not been established; treatment should be postponed until after delivery.', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: 'Breastfeeding: data on passage into breast milk and effects on the infant are insufficient; treatment is generally postponed until breastfeeding has stopped.', flaggedBy: ['breastfeeding'] },
        { id: 'neuromuscular_disease', text: 'Myasthenia gravis, Lambert-Eaton syndrome, amyotrophic lateral sclerosis or another neuromuscular disease: may worsen muscle weakness and even cause difficulty swallowing or breathing; botulinum toxin should not be injected.', flaggedBy: [] },
        { id: 'interacting_drugs', text: 'Taking aminoglycoside antibiotics or other medicines that affect nerve-muscle transmission: these may strengthen the effect of botulinum toxin; the physician will assess whether to postpone.', flaggedBy: [] },
        { id: 'anticoagulant', text: 'Taking anticoagulants (such as warfarin or a direct oral anticoagulant): higher risk of bruising. Never stop the medicine on your own; discuss it with the prescribing doctor.', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: 'Taking antiplatelet drugs such as aspirin or clopidogrel: higher risk of bruising. Do not stop prescribed medicines on your own.', flaggedBy: ['antiplatelet'] },
        { id: 'active_infection', text: 'Active infection or inflammation at the injection site: treatment must wait until it has healed.', flaggedBy: [] },
        { id: 'product_allergy', text: 'Previous allergy to a botulinum toxin product or its components (some products contain human albumin or traces of cow\'s milk protein): that product should not be injected.', flaggedBy: [] },
        { id: 'minor', text: 'Under 18 years of age: the consent of a legal guardian is also required, and the physician will assess particularly carefully whether treatment is appropriate.', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_onset_duration',
          question: 'When does the effect of botulinum toxin appear, and how long does it last?',
          options: ['It works immediately and lasts permanently', 'It starts after about a month and lasts two years or more', 'It starts after about 2–3 days, peaks at 1–2 weeks, and wears off gradually after about 3–6 months'],
          correctIndex: 2,
          topic: 'expected_result',
        },
        {
          id: 'q_distant_spread',
          question: 'If, in the days after injection, you develop difficulty swallowing or breathing, slurred speech or generalised weakness, what should you do?',
          options: ['Go to an emergency department immediately, say you have had botulinum toxin, and contact the clinic', 'This is a normal reaction; drink water and rest', 'Tell the physician at the two-week review'],
          correctIndex: 0,
          topic: 'risks',
        },
        {
          id: 'q_limits',
          question: 'Which statement about the limits of botulinum toxin is correct?',
          options: ['One treatment lasts forever', 'It fills hollows and lifts sagging skin', 'It guarantees perfectly symmetrical expressions', 'It mainly softens lines caused by movement; static lines and laxity improve only partly, and injections must be repeated regularly'],
          correctIndex: 3,
          topic: 'limitations',
        },
        {
          id: 'q_aftercare',
          question: 'Which is correct aftercare on the day of injection?',
          options: ['Massage the area firmly straight away to spread the medicine', 'For a few hours avoid rubbing or pressing the treated areas and avoid lying flat or face-down; avoid strenuous exercise and saunas that day', 'You can have a facial massage or radiofrequency treatment the same day'],
          correctIndex: 1,
          topic: 'aftercare',
        },
      ],
    },
  },
};
