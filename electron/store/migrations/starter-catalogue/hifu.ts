import type { StarterProcedure } from './types';

/** 高強度聚焦超音波（HIFU 音波拉提）— starter explanation sheet (frozen with migration 0040). */
export const hifu: StarterProcedure = {
  code: 'hifu',
  nameZh: '高強度聚焦超音波（HIFU 音波拉提）',
  nameEn: 'High-intensity focused ultrasound (HIFU)',
  category: 'energy_device',
  anaesthesia: 'topical',
  witnessRequired: false,
  coolingOffDays: 1,
  followUpPlan: [
    { id: 'd1_physician', dayOffset: 1, role: 'physician', method: 'phone', focus: '詢問疼痛、腫脹、瘀青、水泡或燙傷與膚色變化，有無嘴角歪斜或局部無力' },
    { id: 'd7_nurse', dayOffset: 7, role: 'nurse', method: 'phone_or_visit', focus: '恢復狀況與照護指導：痠痛、麻木與條狀紅痕消退情形，說明效果需 2–3 個月才逐漸出現' },
  ],
  templates: {
    'zh-TW': {
      title: '高強度聚焦超音波（HIFU 音波拉提）治療說明書',
      purpose: `高強度聚焦超音波（HIFU，俗稱音波拉提）是將超音波能量聚焦在皮膚下的特定深度（例如真皮層、皮下組織，以及臉部的表淺肌肉腱膜系統 SMAS 層），形成微小的熱凝固點，刺激膠原蛋白新生與組織收縮，以非手術的方式改善輕度至中度的皮膚鬆弛，例如下顎線條、雙下巴、眉尾下垂與頸部鬆弛。

本療程屬於改善外觀的美容醫療，並非治療疾病所必需。是否治療、治療範圍與發數，都由您在充分了解後自行決定；您可以隨時提出問題，也可以決定不做。`,
      howItIsDone: `1. 評估與拍照：醫師評估您的鬆弛程度、皮膚與脂肪厚度，確認治療部位是否有填充物、埋線或金屬植入物，規劃治療範圍與發數，並拍攝治療前照片。
2. 清潔與麻醉：卸妝清潔後，塗抹表面麻醉藥膏約 30–45 分鐘；醫師也可能視情況建議治療前服用止痛藥。
3. 治療：在皮膚塗上超音波凝膠，醫師依部位選擇不同深度的探頭，沿規劃的線條逐排擊發。治療時會感到深部的刺熱或痠痛感，在骨頭較接近皮膚的位置（如下顎緣、額頭）特別明顯；請隨時告訴醫師您的感受，醫師可以調整能量或暫停。
4. 安全範圍：醫師會避開眼球、甲狀腺及主要神經血管走行的區域；眼周只使用較淺層的探頭，且不會直接作用在眼球上。
5. 治療後：清除凝膠、冷敷鎮定，擦上保濕與防曬產品。

全臉治療約 30–60 分鐘（不含敷麻藥時間）。使用的機型、探頭深度、能量與發數會記錄於病歷。`,
      expectedResult: `治療後當下可能感覺稍微緊緻，這多半與暫時性的組織腫脹有關。真正的效果來自膠原蛋白重塑，約 2–3 個月逐漸出現，3–6 個月較明顯。

改善幅度通常溫和，例如下顎線較清晰、眉尾稍微提升，並不等同手術拉皮。個人差異很大，部分人治療後改善有限，自己或旁人不一定看得出差異。

效果一般可維持約 1 年左右，因年齡、膚質與生活習慣而異；老化仍會持續進行，醫師會依您的狀況建議是否及何時再次治療。`,
      recoveryTimeline: `• 當天：治療部位泛紅、輕微腫脹，多在數小時內消退，一般可以正常上班與活動。
• 數天至 2 週：部分人在觸壓時感到痠痛、麻木或刺麻感（特別是下顎緣）；少數可見瘀青或條狀紅痕。
• 2–3 個月：效果逐漸出現。
• 3–6 個月：效果較明顯，可回診比較治療前後照片。`,
      limitations: `• 適合輕度至中度的鬆弛；明顯鬆垂、多餘皮膚較多或深層組織下垂者效果有限，可能需要手術才能達到期待。
• 效果漸進、幅度溫和，不會立即看到最終結果，也可能效果不明顯。
• HIFU 無法補充凹陷或流失的體積（需填充），也無法處理表情動作造成的動態紋（需肉毒桿菌素）。
• 臉部脂肪較少、臉頰或太陽穴原本就凹陷者，治療可能使臉看起來更消瘦，醫師會調整或避開部分範圍。
• 效果是暫時的，老化仍會持續。
• 治療部位若有玻尿酸等填充物或埋線，需事先告知，醫師可能調整治療時機或避開該區域。`,
      risks: [
        { id: 'erythema_oedema', text: '暫時性泛紅、腫脹：治療後常見，多在數小時至數天內消退。', frequency: 'common', severity: 'mild' },
        { id: 'tenderness', text: '痠痛、觸痛：治療部位在觸壓或咀嚼時痠痛，特別是下顎緣，多在數天至 2 週內緩解。', frequency: 'common', severity: 'mild' },
        { id: 'modest_or_no_result', text: '效果溫和或不明顯：膠原重塑的程度因人而異，部分人治療後改善幅度很小，或自覺沒有明顯變化。', frequency: 'common', severity: 'mild' },
        { id: 'numbness', text: '麻木或感覺異常：局部皮膚麻木、刺麻或感覺遲鈍，多在數週內恢復。', frequency: 'uncommon', severity: 'mild' },
        { id: 'bruising', text: '瘀青：少數人在治療部位出現瘀青，多在 1–2 週內消退；服用抗凝血或抗血小板藥物者較容易發生。', frequency: 'uncommon', severity: 'mild' },
        { id: 'welts_striping', text: '條狀紅痕或膨疹：沿探頭擊發線條出現的紅色條紋或隆起，多在數天至 2 週內消退。', frequency: 'uncommon', severity: 'mild' },
        { id: 'burns', text: '燙傷、水泡或點狀結痂：能量作用過淺、過強或探頭接觸不良時可能發生；多數可癒合，少數留下色素沉澱或疤痕。', frequency: 'rare', severity: 'moderate' },
        { id: 'nerve_paresis', text: '暫時性神經麻痺：熱能影響運動神經分支（最常見為下顎緣神經），造成嘴角不對稱、微笑歪斜或局部無力；多在數週至數個月內恢復。', frequency: 'rare', severity: 'moderate' },
        { id: 'fat_atrophy', text: '脂肪萎縮、臉部凹陷：熱能作用於皮下脂肪，可能使局部脂肪減少，臉頰或太陽穴看起來較消瘦凹陷；可能持續較久，有時需要以填充方式改善。', frequency: 'rare', severity: 'moderate' },
        { id: 'eye_injury', text: '眼睛傷害：眼周治療時若超音波能量作用到眼球，曾有造成水晶體混濁、視力改變等傷害的報告。醫師會避開眼球並使用適當探頭，極為罕見；治療後若有視力模糊、眼睛疼痛，請立即就醫並聯絡本院。', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: '不接受治療：皮膚鬆弛是自然老化的一部分，不會危害健康，選擇不治療是完全合理的決定。' },
        { id: 'rf_devices', text: '電波拉提（射頻，RF）：以熱能作用於真皮與皮下組織，改善輕度鬆弛與膚質；同樣效果溫和、漸進，也有燙傷與脂肪萎縮的風險。' },
        { id: 'thread_lift', text: '埋線拉提：以可吸收線材提拉組織，可立即看到部分提拉效果，效果通常維持一至兩年左右，有線材外露、凹陷、感染等風險。' },
        { id: 'fillers', text: '玻尿酸等填充注射：補充流失的體積，可間接改善鬆弛的外觀，但無法收緊皮膚。' },
        { id: 'surgery', text: '拉皮手術（臉部或頸部拉提）：對明顯鬆垂效果最明顯且持久，但需要麻醉、恢復期較長，手術風險也較高。' },
      ],
      aftercare: `• 治療後可冷敷減輕泛紅與熱感；皮膚沒有破損時，當天可正常洗臉、上妝。
• 數天內避免三溫暖、泡溫泉、烤箱及劇烈運動等使臉部過熱的活動，也避免使用 A 酸、果酸或去角質等刺激性保養品。
• 加強保濕與防曬。
• 痠痛多半可以忍受，必要時可依醫師建議使用一般止痛藥。
• 2 週內若要在同部位注射玻尿酸、做電波或其他療程，請先與醫師確認。
• 若出現水泡、破皮或結痂，請勿摳抓並儘速回診；若出現嘴角歪斜、微笑不對稱、局部無力或麻木持續不退，請聯絡本院安排回診。
• 若有視力模糊或眼睛疼痛，請立即就醫並聯絡本院。`,
      preOpInstructions: `• 請告知所有正在使用的藥物與保健食品，特別是抗凝血劑、阿斯匹靈或其他抗血小板藥物；處方藥請勿自行停用。
• 請告知治療部位是否注射過玻尿酸或其他填充物、做過埋線或手術、有無金屬植入物，以及是否裝有心律調節器等電子植入裝置；也請提供過去音波或電波治療的時間與反應。
• 請告知是否有蟹足腫或容易留疤的體質。
• 懷孕或可能懷孕，請告知，本療程將延後。
• 若您特別怕痛，請事先告知，醫師可以討論止痛方式。
• 治療當天請素顏到院或提早到院卸妝，並取下耳環等飾品。`,
      contraindications: [
        { id: 'pregnancy', text: '懷孕中或可能懷孕：孕期治療的安全性尚未確立，建議延後至生產後。', flaggedBy: ['pregnancy'] },
        { id: 'anticoagulant_antiplatelet', text: '服用抗凝血劑或抗血小板藥物：瘀青風險增加；處方藥請勿自行停用，需與開藥醫師討論。', flaggedBy: ['anticoagulant', 'antiplatelet'] },
        { id: 'keloid', text: '蟹足腫或肥厚性疤痕體質：若發生燙傷或水泡，較容易留下明顯疤痕，需審慎評估。', flaggedBy: ['keloid'] },
        { id: 'active_infection', text: '治療部位有活動性感染、開放性傷口或嚴重發炎性痘痘：需待痊癒後再治療。', flaggedBy: [] },
        { id: 'implants_devices', text: '治療部位有金屬植入物，或裝有心律調節器、植入式去顫器等電子醫療裝置：一般不宜治療，需由醫師評估。', flaggedBy: [] },
        { id: 'recent_filler_thread', text: '治療部位近期注射填充物或埋線：需由醫師評估治療間隔與避開範圍。', flaggedBy: [] },
        { id: 'low_facial_fat', text: '臉部脂肪很少或臉頰、太陽穴已明顯凹陷：治療可能使臉更消瘦，需調整或避開部分範圍。', flaggedBy: [] },
        { id: 'minor', text: '未滿 18 歲：需法定代理人共同同意，醫師亦會特別審慎評估施作的必要性。', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_result_timing',
          question: '關於 HIFU 音波拉提的效果，下列何者正確？',
          options: ['治療完當下就是最終效果', '效果逐漸出現，約 2–3 個月開始、3–6 個月較明顯，幅度通常溫和，也有人效果不明顯', '效果等同手術拉皮，而且永久維持'],
          correctIndex: 1,
          topic: 'expected_result',
        },
        {
          id: 'q_limits',
          question: '下列哪一種狀況，HIFU 的效果最有限？',
          options: ['下顎線條輕微不清晰', '輕度的皮膚鬆弛', '明顯鬆垂、多餘皮膚較多'],
          correctIndex: 2,
          topic: 'limitations',
        },
        {
          id: 'q_nerve_paresis',
          question: '治療後幾天，若發現嘴角歪斜、微笑不對稱或局部無力，應該怎麼做？',
          options: ['聯絡本院回診由醫師評估；這多為暫時性神經麻痺，多數在數週至數個月內恢復', '自己用力按摩並熱敷', '再做一次 HIFU 讓兩側平衡'],
          correctIndex: 0,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: '治療後的照護，下列何者正確？',
          options: ['治療後一定要停工休息一週', '要熱敷才會有效果', '當天可以去三溫暖或泡溫泉', '加強保濕防曬，數天內避免高溫環境與刺激性保養；出現水泡或破皮請回診'],
          correctIndex: 3,
          topic: 'aftercare',
        },
      ],
    },
    en: {
      title: 'High-intensity focused ultrasound (HIFU) treatment: patient information',
      purpose: `High-intensity focused ultrasound (HIFU, often called an "ultrasound lift") focuses ultrasound energy at set depths beneath the skin (for example the dermis, the subcutaneous tissue and, in the face, the superficial musculoaponeurotic system or SMAS). This creates tiny points of thermal coagulation that stimulate new collagen and tissue contraction, aiming to improve mild to moderate skin laxity without surgery, for example the jawline, a double chin, drooping brow tails and neck laxity.

This is an aesthetic treatment to change appearance; it is not needed to treat any illness. Whether to be treated, the area and the number of shots are your decisions, made after you have understood the information. You may ask questions at any time, and you may decide not to go ahead.`,
      howItIsDone: `1. Assessment and photographs: the physician assesses the degree of laxity and the thickness of your skin and fat, checks whether the treatment area contains fillers, threads or metal implants, plans the area and number of shots, and takes pre-treatment photographs.
2. Cleansing and anaesthesia: after your make-up is removed and the skin is cleaned, a numbing cream is applied for about 30–45 minutes; the physician may also suggest taking a painkiller beforehand.
3. Treatment: ultrasound gel is applied and the physician chooses transducers of different depths for each area, delivering rows of shots along planned lines. You will feel a deep prickling heat or aching, which is stronger where bone is close to the skin (such as the jawline and forehead). Tell the physician how you feel at any time; the energy can be adjusted or the treatment paused.
4. Safety zones: the physician avoids the eyeballs, the thyroid and areas where major nerves and vessels run. Around the eyes only shallower transducers are used, and energy is never directed at the eyeball.
5. After treatment: the gel is removed, the skin is cooled, and moisturiser and sunscreen are applied.

A full-face treatment takes about 30–60 minutes (not counting the numbing time). The device, transducer depths, energy and number of shots are recorded in your chart.`,
      expectedResult: `Right after treatment the skin may feel slightly tighter; this is mostly due to temporary tissue swelling. The real effect comes from collagen remodelling, which appears gradually over about 2–3 months and is more visible at 3–6 months.

The improvement is usually modest, for example a slightly clearer jawline or a small lift of the brow tail, and is not equivalent to a surgical facelift. Individual results vary widely; some people see only limited improvement, and neither they nor others may notice a difference.

The effect generally lasts around a year, depending on age, skin type and lifestyle. Ageing continues, and the physician will advise whether and when to repeat treatment.`,
      recoveryTimeline: `• Same day: redness and mild swelling in the treated area, usually gone within a few hours. Most people can work and carry on normal activities.
• A few days to 2 weeks: some people feel aching, numbness or tingling when the area is pressed (especially along the jawline); a few have bruising or red streaks.
• 2–3 months: the effect gradually appears.
• 3–6 months: the effect is more visible; before-and-after photographs can be compared at a review.`,
      limitations: `• HIFU suits mild to moderate laxity. Marked sagging, a lot of excess skin or descent of deeper tissues responds poorly, and surgery may be needed to meet expectations.
• The effect is gradual and modest; the final result is not seen immediately, and there may be no noticeable effect.
• HIFU cannot restore lost volume or hollows (fillers are needed) and does not treat lines caused by facial movement (botulinum toxin is needed).
• In people with little facial fat or cheeks and temples that are already hollow, treatment may make the face look thinner; the physician will adjust or avoid some areas.
• The effect is temporary and ageing continues.
• If the area contains hyaluronic-acid or other fillers or threads, please tell the physician in advance; the timing may be adjusted or the area avoided.`,
      risks: [
        { id: 'erythema_oedema', text: 'Temporary redness and swelling: common after treatment; usually settle within a few hours to a few days.', frequency: 'common', severity: 'mild' },
        { id: 'tenderness', text: 'Aching and tenderness: the treated area aches when pressed or when chewing, especially along the jawline; usually eases within a few days to 2 weeks.', frequency: 'common', severity: 'mild' },
        { id: 'modest_or_no_result', text: 'Modest or no visible result: collagen remodelling varies between individuals; some people have very little improvement or notice no clear change.', frequency: 'common', severity: 'mild' },
        { id: 'numbness', text: 'Numbness or altered sensation: local numbness, tingling or reduced feeling in the skin, usually recovering within a few weeks.', frequency: 'uncommon', severity: 'mild' },
        { id: 'bruising', text: 'Bruising: a few people bruise in the treated area, usually fading within 1–2 weeks; more likely if you take anticoagulant or antiplatelet medicines.', frequency: 'uncommon', severity: 'mild' },
        { id: 'welts_striping', text: 'Red streaks or welts: red lines or raised marks along the lines of shots, usually fading within a few days to 2 weeks.', frequency: 'uncommon', severity: 'mild' },
        { id: 'burns', text: 'Burns, blisters or small crusts: may occur if energy acts too superficially or too strongly, or if the transducer has poor contact. Most heal, but a few leave pigmentation or scars.', frequency: 'rare', severity: 'moderate' },
        { id: 'nerve_paresis', text: 'Temporary nerve weakness (paresis): heat affecting a branch of a motor nerve (most often the marginal mandibular nerve) can cause an uneven mouth corner, a lopsided smile or local weakness; it usually recovers within weeks to months.', frequency: 'rare', severity: 'moderate' },
        { id: 'fat_atrophy', text: 'Fat atrophy and hollowing: heat acting on fat under the skin may reduce it locally, so the cheeks or temples look thinner or hollow. This may last a long time and sometimes needs filler to correct.', frequency: 'rare', severity: 'moderate' },
        { id: 'eye_injury', text: 'Eye injury: when the area around the eyes is treated, ultrasound energy reaching the eyeball has been reported to cause lens opacity and changes in vision. The physician avoids the eyeball and uses suitable transducers, and this is extremely rare. If you have blurred vision or eye pain after treatment, seek medical care immediately and contact the clinic.', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: 'No treatment: skin laxity is part of natural ageing and is not a danger to health; choosing not to be treated is an entirely reasonable decision.' },
        { id: 'rf_devices', text: 'Radiofrequency (RF) tightening: uses heat in the dermis and subcutaneous tissue to improve mild laxity and skin quality. The effect is similarly modest and gradual, with risks of burns and fat atrophy.' },
        { id: 'thread_lift', text: 'Thread lift: absorbable threads lift the tissue with some immediately visible effect, usually lasting around one to two years, with risks such as thread exposure, dimpling and infection.' },
        { id: 'fillers', text: 'Hyaluronic-acid or other filler injections: restore lost volume and can indirectly improve the look of laxity, but do not tighten the skin.' },
        { id: 'surgery', text: 'Facelift or neck-lift surgery: the most marked and lasting effect for significant sagging, but it requires anaesthesia, a longer recovery and carries higher surgical risks.' },
      ],
      aftercare: `• You may apply cold compresses after treatment to reduce redness and heat. If the skin is not broken, you can wash your face and wear make-up as normal the same day.
• For a few days avoid saunas, hot springs, steam rooms and strenuous exercise that overheat the face, and avoid irritating skincare such as retinoids, AHAs or exfoliants.
• Moisturise well and use sun protection.
• Aching is usually tolerable; if needed, ordinary painkillers may be taken as the physician advises.
• Check with the physician before having filler, radiofrequency or other treatments on the same area within 2 weeks.
• If you develop blisters, broken skin or crusts, do not pick them and return to the clinic promptly. If you notice an uneven mouth corner, lopsided smile, local weakness or numbness that does not settle, contact the clinic to arrange a review.
• If you have blurred vision or eye pain, seek medical care immediately and contact the clinic.`,
      preOpInstructions: `• Tell us about every medicine and supplement you take, especially anticoagulants, aspirin or other antiplatelet drugs. Do not stop prescribed medicines on your own.
• Tell us whether the treatment area has had hyaluronic-acid or other fillers, threads or surgery, whether you have metal implants, and whether you have a pacemaker or other implanted electronic device. Please also tell us the dates of, and your response to, any previous ultrasound or radiofrequency treatments.
• Tell us if you tend to form keloids or scar easily.
• If you are pregnant or may be pregnant, please tell us; treatment will be postponed.
• If you are particularly sensitive to pain, tell us beforehand so pain relief can be discussed.
• Please come without make-up or arrive early to remove it, and take off earrings and other jewellery.`,
      contraindications: [
        { id: 'pregnancy', text: 'Pregnant or possibly pregnant: safety in pregnancy has not been established; treatment should be postponed until after delivery.', flaggedBy: ['pregnancy'] },
        { id: 'anticoagulant_antiplatelet', text: 'Taking anticoagulant or antiplatelet medicines: higher risk of bruising. Do not stop prescribed medicines on your own; discuss it with the prescribing doctor.', flaggedBy: ['anticoagulant', 'antiplatelet'] },
        { id: 'keloid', text: 'Tendency to keloid or hypertrophic scars: if a burn or blister occurs, a visible scar is more likely; suitability must be assessed carefully.', flaggedBy: ['keloid'] },
        { id: 'active_infection', text: 'Active infection, open wounds or severe inflammatory acne in the treatment area: treatment must wait until it has healed.', flaggedBy: [] },
        { id: 'implants_devices', text: 'Metal implants in the treatment area, or an implanted electronic device such as a pacemaker or implantable defibrillator: treatment is generally not advisable; the physician will assess.', flaggedBy: [] },
        { id: 'recent_filler_thread', text: 'Recent filler injection or thread lift in the treatment area: the physician will assess the interval needed and which areas to avoid.', flaggedBy: [] },
        { id: 'low_facial_fat', text: 'Very little facial fat, or cheeks and temples that are already clearly hollow: treatment may make the face look thinner; some areas may need to be adjusted or avoided.', flaggedBy: [] },
        { id: 'minor', text: 'Under 18 years of age: the consent of a legal guardian is also required, and the physician will assess particularly carefully whether treatment is appropriate.', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_result_timing',
          question: 'Which statement about the effect of HIFU is correct?',
          options: ['The final result is seen right after treatment', 'The effect appears gradually, starting at about 2–3 months and more visible at 3–6 months; it is usually modest, and some people see little effect', 'It is equivalent to a surgical facelift and lasts permanently'],
          correctIndex: 1,
          topic: 'expected_result',
        },
        {
          id: 'q_limits',
          question: 'In which situation is HIFU least effective?',
          options: ['A slightly undefined jawline', 'Mild skin laxity', 'Marked sagging with a lot of excess skin'],
          correctIndex: 2,
          topic: 'limitations',
        },
        {
          id: 'q_nerve_paresis',
          question: 'If, a few days after treatment, you notice an uneven mouth corner, a lopsided smile or local weakness, what should you do?',
          options: ['Contact the clinic for a review by the physician; this is usually a temporary nerve weakness that recovers within weeks to months', 'Massage firmly and apply heat yourself', 'Have another HIFU session to balance the two sides'],
          correctIndex: 0,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: 'Which aftercare is correct?',
          options: ['You must take a week off work after treatment', 'Warm compresses are needed for it to work', 'You can go to a sauna or hot spring the same day', 'Moisturise and use sun protection, avoid heat and irritating skincare for a few days, and return if blisters or broken skin appear'],
          correctIndex: 3,
          topic: 'aftercare',
        },
      ],
    },
  },
};
