import type { StarterProcedure } from './types';

/** 雙眼皮手術 — starter explanation sheet (frozen with migration 0040). */
export const doubleEyelid: StarterProcedure = {
  code: 'double_eyelid',
  nameZh: '雙眼皮手術',
  nameEn: 'Double-eyelid surgery (blepharoplasty)',
  category: 'surgical',
  anaesthesia: 'local',
  witnessRequired: false,
  coolingOffDays: 14,
  followUpPlan: [
    { id: 'd1_physician', dayOffset: 1, role: 'physician', method: 'phone', focus: '詢問傷口、疼痛與出血情形，確認有無單側腫脹快速加劇、眼睛劇痛或視力變化' },
    { id: 'd5_physician', dayOffset: 5, role: 'physician', method: 'visit', focus: '回診拆線與傷口檢查：確認癒合、感染徵兆與雙側摺痕初步狀況' },
    { id: 'd7_nurse', dayOffset: 7, role: 'nurse', method: 'phone_or_visit', focus: '恢復狀況與照護指導：腫脹瘀青消退、眼睛乾澀與閉眼情形、熱敷與上妝時機，回答照護問題' },
    { id: 'd30_consultant', dayOffset: 30, role: 'consultant', method: 'phone', focus: '了解目前外觀與原本期待是否相符，以及病人的心情；提醒摺痕需 3–6 個月才穩定' },
  ],
  templates: {
    'zh-TW': {
      title: '雙眼皮手術（上眼瞼整形）說明書',
      purpose: `雙眼皮手術是在上眼皮建立或調整一條固定的摺痕，讓眼睛睜開時呈現雙眼皮的外觀；若同時有上眼皮皮膚鬆弛或脂肪較多，也可一併去除部分多餘皮膚或眼窩脂肪，改善眼皮厚重、下垂遮蔽的感覺。

本手術屬於改善外觀的美容醫療，並非治療疾病所必需。若檢查發現您有提眼肌無力（眼瞼下垂）或眉毛下垂等情形，單純做雙眼皮可能無法改善，醫師會另外向您說明。是否接受手術、採用哪一種方式、摺痕的寬度與形狀，都由您在充分了解後決定；您可以隨時提出問題，也可以決定不做。`,
      howItIsDone: `1. 術前評估與設計：醫師會檢查眼皮皮膚厚度與鬆弛程度、脂肪量、提眼肌功能、眉毛位置、兩眼原本的差異、乾眼及閉眼情形，並拍攝術前照片。接著與您討論摺痕的高度與形狀（例如開扇型、平行型），以筆畫出設計線，請您對鏡確認。
2. 麻醉：本手術採局部麻醉，在眼皮注射含腎上腺素的局部麻醉藥（lidocaine），注射時會有短暫刺痛與脹感。手術中您是清醒的，醫師可能請您睜眼、閉眼以確認摺痕。如需要，醫師可給予口服鎮靜或止痛藥物，您仍應能自行呼吸與回應。
3. 手術方式（依評估結果選擇，並記錄於手術同意書）：
   • 縫合式（埋線、縫雙眼皮）：於眼皮上做數個小針孔，以細線將皮膚與深層組織固定，形成摺痕。傷口小、腫脹較輕，但適合皮膚薄、無明顯鬆弛及脂肪的人，摺痕日後變淺或消失的機會較高。
   • 切開式（全切或部分切開）：沿設計線切開皮膚，依需要去除少量皮膚、眼輪匝肌或眼窩脂肪，再將皮膚與深層組織固定後縫合。可處理鬆弛與脂肪，摺痕較持久，但腫脹期較長，會留下一條沿摺痕的細疤。
4. 止血與縫合：手術中會以電燒仔細止血，切開式傷口以細線縫合，通常於術後第 5–7 天拆線。
5. 觀察：術後會冰敷並在院內觀察約 30 分鐘，確認無明顯出血、視力正常後才離開。

手術時間依方式約 30–90 分鐘。術後眼皮會腫，建議有人陪同返家，當天不要自行開車。`,
      expectedResult: `術後雙眼皮摺痕會立即出現，但因為腫脹，最初幾週的摺痕通常看起來比較寬、比較高，眼皮也會較厚、較不自然，這是正常過程。

• 縫合式：大部分腫脹約 1–2 週消退，約 1 個月外觀接近自然。
• 切開式：大部分腫脹約 2–4 週消退，但細微的腫脹與摺痕的「僵硬感」需要 3–6 個月才會逐漸穩定；疤痕會由紅轉淡，約 6 個月至 1 年後成熟。

手術能帶來的是「改善」，不是「完美」：人的兩眼原本就不完全對稱，術後仍可能有些微差異；結果也不一定會和參考照片或他人的眼睛一樣。`,
      recoveryTimeline: `• 手術當天：眼皮腫脹、緊繃與輕微疼痛，傷口可能有少量滲血；閉眼時可能暫時閉不緊。
• 第 1–3 天：腫脹與瘀青通常最明顯，早上起床時更腫；視線可能因腫脹暫時變窄。
• 第 5–7 天：回診拆線（切開式）；瘀青轉為黃綠色並逐漸消退。多數人約 1–2 週後可戴口罩或眼鏡外出、回到一般工作。
• 第 2–4 週：大部分腫脹消退，外觀逐漸自然；傷口可在醫師同意後上妝。
• 第 3–6 個月：摺痕與眼皮厚度逐漸穩定，疤痕淡化。是否需要修正，一般在此時（至少 3–6 個月後）才評估。`,
      limitations: `• 雙眼皮手術無法改善提眼肌無力所造成的眼瞼下垂、眉毛下垂、下眼皮眼袋或黑眼圈；這些需要其他評估或手術。
• 摺痕的寬度受您的眼皮厚度、皮膚鬆弛、眉眼距離與眼球形狀限制，並非任何寬度都能做到；過寬的設計容易不自然，也較難修正。
• 縫合式的摺痕有可能隨時間變淺或消失，需要再次手術；切開式較持久，但仍會隨年齡老化而改變。
• 原本兩眼差異較大的人，術後仍可能有差異，無法保證完全對稱。
• 去除的皮膚與脂肪無法放回，過度切除可能造成眼窩凹陷或閉眼不全，因此醫師會保守設計。
• 若日後需要修正，通常必須等組織穩定（一般 3–6 個月以上），修正手術的難度與不確定性也比第一次高。`,
      risks: [
        { id: 'swelling_bruising', text: '腫脹與瘀青：幾乎每個人都會發生，前 3 天最明顯，多在 1–2 週內消退（切開式較久）；細微腫脹可持續數個月，使摺痕暫時偏寬。', frequency: 'common', severity: 'mild' },
        { id: 'asymmetry', text: '兩側不對稱：兩側摺痕寬度、形狀或腫脹程度不同。輕微差異很常見，多數在消腫後改善；若 3–6 個月後仍有明顯差異，可能需要修正手術。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'fold_loss', text: '摺痕變淺、消失或鬆脫：固定的縫線鬆脫或組織沾黏不足，使雙眼皮變淺、斷掉或回到單眼皮；縫合式發生機會較高，可能需要再次手術。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'fold_too_high', text: '摺痕過高、過寬或不自然：摺痕過高、摺痕上方皮膚呈條狀隆起（俗稱「香腸眼」）、出現多重摺痕（三眼皮）或凹陷。部分會隨消腫改善，明顯者需修正，過高的摺痕修正較困難。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'lagophthalmos_dry_eye', text: '閉眼不全與乾眼：術後初期眼皮腫脹可能使眼睛閉不緊，造成乾澀、異物感、畏光或流淚，多在數週內改善，期間需使用人工淚液或眼藥膏。若皮膚切除過多，極少數可能持續而需要治療或手術。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'haematoma', text: '血腫或出血：傷口持續出血或皮下積血，造成腫脹明顯加劇、疼痛增加，可能需要回院壓迫止血或打開傷口清除血塊。服用抗凝血或抗血小板藥物、高血壓者風險較高。', frequency: 'rare', severity: 'moderate' },
        { id: 'retrobulbar_haemorrhage', text: '眼窩內出血影響視力：若去除眼窩脂肪時深部血管出血，血液可能壓迫視神經，表現為眼睛劇痛、眼球突出變硬、視力模糊或喪失。此併發症極罕見，但屬眼科急症，需要立即處理，延誤可能造成永久視力損害。', frequency: 'very_rare', severity: 'severe' },
        { id: 'infection', text: '感染：傷口紅、腫、熱、痛加劇或有膿，通常以抗生素治療即可改善；少數需要引流或移除縫線。', frequency: 'rare', severity: 'moderate' },
        { id: 'scar_suture_problems', text: '疤痕與縫線問題：切開式疤痕多半細而隱藏於摺痕內，但少數可能增生變紅變厚、凹陷或色素沉著；縫合式的埋線可能外露、形成小囊腫或肉芽，需要拆除或處理。蟹足腫體質者風險較高。', frequency: 'uncommon', severity: 'mild' },
        { id: 'ptosis', text: '眼瞼下垂：術後眼皮睜不開或兩眼大小不一。多數因腫脹所致，會在數週內改善；若因提眼肌受損或固定過緊而持續，可能需要眼瞼下垂矯正手術。', frequency: 'rare', severity: 'moderate' },
        { id: 'local_anaesthetic_reaction', text: '局部麻醉相關反應：注射麻藥時可能出現頭暈、心悸、冒冷汗或短暫血壓變化（多為緊張引起的血管迷走反應或腎上腺素作用），休息後即可恢復；真正的麻藥過敏或中毒極為罕見。', frequency: 'rare', severity: 'moderate' },
      ],
      alternatives: [
        { id: 'no_treatment', text: '不接受手術：單眼皮或眼皮較厚並不影響健康，選擇不手術是完全合理的決定。' },
        { id: 'eyelid_tape', text: '雙眼皮貼或雙眼皮膠：不需手術、可隨時停止，但效果只在使用時存在；長期使用可能刺激皮膚，造成紅癢或眼皮鬆弛。' },
        { id: 'other_technique', text: '另一種手術方式：縫合式傷口小、恢復快，但摺痕較可能鬆脫；切開式可處理鬆弛與脂肪、較持久，但腫脹期較長並留有細疤。醫師會說明為何建議其中一種，您也可以要求討論另一種。' },
        { id: 'ptosis_or_brow_surgery', text: '眼瞼下垂矯正或提眉手術：若眼睛無神、睜不開主要來自提眼肌無力或眉毛下垂，這類手術比單純雙眼皮更能處理根本原因，但手術範圍與風險不同，需另外評估。' },
      ],
      aftercare: `• 術後 48 小時內間歇冰敷（每次 10–15 分鐘，冰袋以乾淨紗布包裹，不要直接壓迫眼球），之後可依醫師指示改為溫敷，幫助瘀青消退。
• 前幾天睡覺時墊高枕頭，減少低頭、彎腰與用力。
• 傷口依醫師指示以生理食鹽水清潔並塗抹藥膏；拆線前傷口避免碰水、不要揉眼睛或自行撕除結痂。
• 拆線前與拆線後 1 週內不要上眼妝、不要戴隱形眼鏡（可戴框架眼鏡）；隱形眼鏡恢復使用時機請詢問醫師。
• 2 週內避免飲酒、三溫暖、泡溫泉、游泳與劇烈運動；吸菸會影響傷口癒合，請盡量避免。
• 如眼睛乾澀，可使用無防腐劑人工淚液；睡覺閉眼不緊時，可依醫師指示夜間塗眼藥膏。
• 依醫囑服用藥物；止痛請優先使用醫師開立的藥物，避免自行服用阿斯匹靈。
• 傷口疤痕在 3–6 個月內避免日曬，可依醫師建議使用除疤產品。
• 下列情形請立即聯絡本院或直接前往急診：眼睛劇烈疼痛、眼球突出或變硬、任何視力模糊或喪失、單側腫脹或出血在短時間內快速加劇。
• 紅、腫、熱、痛逐漸加劇、發燒或有膿，請儘速回診。
• 請依約回診拆線與追蹤。若對摺痕形狀有疑慮，請與醫師討論，通常需等 3–6 個月組織穩定後再評估是否修正。`,
      preOpInstructions: `• 請告知所有正在使用的藥物與保健食品，特別是抗凝血劑、阿斯匹靈或其他抗血小板藥、止痛消炎藥（NSAIDs）、魚油、銀杏、維生素 E。處方藥請勿自行停用，需與開藥醫師討論；非必要的保健食品可於術前約 1–2 週暫停。
• 請告知過敏史（特別是麻醉藥、抗生素、消毒劑）、高血壓、糖尿病、甲狀腺疾病、凝血異常、蟹足腫體質，以及乾眼症、青光眼、近期眼睛手術（如近視雷射）或過去眼皮手術、注射史。
• 正在服用口服 A 酸（isotretinoin）者請告知，醫師會評估是否延後手術。
• 吸菸者請盡量於術前至少 2–4 週戒菸，並持續至傷口癒合。
• 懷孕、可能懷孕或正在哺乳，請告知，手術將延後。
• 手術當天請素顏、不要戴隱形眼鏡，穿著前開式衣物；可先吃清淡正餐，除非醫師另有指示。
• 術後眼皮會腫、視線受影響，請安排親友陪同返家，當天不要自行開車或騎車。
• 若近期有婚禮、拍照、出國等重要行程，切開式請至少預留 1 個月以上，且摺痕需 3–6 個月才完全穩定。`,
      contraindications: [
        { id: 'anticoagulant', text: '服用抗凝血劑（如 warfarin 或新型口服抗凝血劑）：術中出血、血腫及眼窩內出血風險增加；切勿自行停藥，需與開藥醫師討論是否及如何暫停。', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: '服用阿斯匹靈、clopidogrel 等抗血小板藥物：出血與瘀青風險增加；處方藥請勿自行停用，需與開藥醫師討論。', flaggedBy: ['antiplatelet'] },
        { id: 'smoking', text: '吸菸：會降低傷口血流，增加傷口癒合不良、感染與疤痕明顯的風險；建議術前至少 2–4 週戒菸。', flaggedBy: ['smoking'] },
        { id: 'keloid', text: '蟹足腫或增生性疤痕體質：切開式疤痕增生的風險較高，需與醫師討論術式與術後疤痕照護。', flaggedBy: ['keloid'] },
        { id: 'isotretinoin', text: '正在或近期服用口服 A 酸（isotretinoin）：可能影響傷口癒合並加重眼睛乾澀，醫師會評估是否延後手術。', flaggedBy: ['isotretinoin'] },
        { id: 'immunosuppression', text: '使用免疫抑制劑或全身性類固醇：感染與傷口癒合不良的風險可能增加，需由醫師評估手術時機。', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'pregnancy', text: '懷孕中或可能懷孕：選擇性美容手術應延後至生產後再進行。', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: '哺乳中：術後用藥可能需要調整，一般建議延後至停止哺乳後再手術，或先與醫師討論。', flaggedBy: ['breastfeeding'] },
        { id: 'eye_conditions', text: '明顯乾眼症、甲狀腺眼疾、青光眼、近期眼睛手術或眼部感染：可能增加閉眼不全與乾眼惡化的風險，需先經眼科評估或待病情穩定。', flaggedBy: [] },
        { id: 'uncontrolled_disease', text: '未控制的高血壓、糖尿病、凝血功能異常或其他嚴重疾病：需先控制穩定，並由醫師評估是否適合手術。', flaggedBy: [] },
        { id: 'minor', text: '未滿 18 歲：需法定代理人共同同意，醫師亦會特別審慎評估手術的必要性與時機。', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_result_timeline',
          question: '切開式雙眼皮手術後，摺痕大約多久才會穩定、接近最終結果？',
          options: ['手術完當天就是最終結果', '約 3 天', '約 3–6 個月，之前常因腫脹而看起來較寬、較不自然', '要 5 年以上'],
          correctIndex: 2,
          topic: 'expected_result',
        },
        {
          id: 'q_severe_warning',
          question: '術後若出現眼睛劇烈疼痛、眼球突出變硬、視力模糊，或單側腫脹在短時間內快速加劇，應該怎麼做？',
          options: ['立即聯絡本院或直接前往急診', '冰敷後睡一覺，隔天再看看', '等到拆線回診時再告訴醫師', '自己用力按摩讓腫脹消退'],
          correctIndex: 0,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: '關於術後照護，下列何者正確？',
          options: ['隔天就可以戴隱形眼鏡、上眼妝', '傷口結痂可以自己撕掉，好得比較快', '術後第二天就可以泡溫泉、喝酒', '前 48 小時間歇冰敷、睡覺墊高枕頭，拆線前不碰水、不揉眼睛'],
          correctIndex: 3,
          topic: 'aftercare',
        },
        {
          id: 'q_revision',
          question: '關於雙眼皮手術的結果與修正，下列何者正確？',
          options: ['手術保證兩邊完全對稱，永遠不會改變', '兩側可能仍有差異，摺痕也可能變淺或鬆脫，有時需要修正手術，且通常要等 3–6 個月後再評估', '不滿意的話，可以在術後第二天馬上重做'],
          correctIndex: 1,
          topic: 'limitations',
        },
      ],
    },
    en: {
      title: 'Double-eyelid surgery (upper blepharoplasty): explanation sheet',
      purpose: `Double-eyelid surgery creates or adjusts a fixed crease in the upper eyelid so that a double eyelid shows when the eye is open. If the upper eyelid also has loose skin or excess fat, some of the excess skin or orbital fat can be removed at the same time to reduce heaviness and hooding.

This is a cosmetic procedure to change appearance; it is not needed to treat a disease. If the examination shows weakness of the muscle that lifts the eyelid (ptosis) or a low brow, a double-eyelid operation alone may not help, and the surgeon will explain this separately. Whether to have surgery, which technique to use, and the height and shape of the crease are your decisions, made once you fully understand them. You may ask questions at any time, and you may decide not to go ahead.`,
      howItIsDone: `1. Assessment and design: the surgeon examines eyelid skin thickness and laxity, the amount of fat, the function of the lifting muscle, brow position, existing differences between your eyes, and dry eye and eyelid closure, and takes pre-operative photographs. You then discuss the height and shape of the crease (for example tapered or parallel); the design is drawn with a marker and you check it in a mirror.
2. Anaesthesia: the operation is done under local anaesthesia. Local anaesthetic (lidocaine) with adrenaline is injected into the eyelid, causing brief stinging and a feeling of pressure. You stay awake, and the surgeon may ask you to open and close your eyes to check the crease. If needed, an oral sedative or painkiller may be given; you should still be able to breathe on your own and respond.
3. Technique (chosen after assessment and recorded on the surgical consent form):
   • Suture (non-incisional) method: through a few tiny punctures in the eyelid, fine sutures fix the skin to the deeper tissue to form the crease. Wounds are small and swelling is milder, but it suits thin eyelids without significant loose skin or fat, and the crease is more likely to fade or disappear over time.
   • Incisional method (full or partial incision): the skin is cut along the design line; if needed a little skin, orbicularis muscle or orbital fat is removed, and the skin is fixed to the deeper tissue and sutured. It can deal with laxity and fat and the crease lasts longer, but swelling lasts longer and a fine scar remains along the crease.
4. Haemostasis and closure: bleeding is carefully controlled with electrocautery during surgery. Incisions are closed with fine sutures, which are usually removed on day 5–7.
5. Observation: the eyelids are cooled with ice packs and you are observed in the clinic for about 30 minutes, until there is no significant bleeding and your vision is normal, before you leave.

The operation takes about 30–90 minutes depending on the technique. Your eyelids will be swollen afterwards, so please have someone accompany you home and do not drive yourself that day.`,
      expectedResult: `The crease is visible immediately after surgery, but because of swelling it usually looks wider and higher during the first weeks, and the eyelid looks thicker and less natural. This is part of normal healing.

• Suture method: most swelling settles in about 1–2 weeks, and the appearance is close to natural after about a month.
• Incisional method: most swelling settles in about 2–4 weeks, but subtle swelling and stiffness of the crease take 3–6 months to settle gradually; the scar fades from red to pale and matures after about 6 months to a year.

Surgery offers improvement, not perfection. Eyes are never perfectly symmetrical to begin with, and small differences may remain; the result will not necessarily look like a reference photograph or someone else's eyes.`,
      recoveryTimeline: `• Day of surgery: swelling, tightness and mild pain in the eyelids, possibly slight oozing from the wound; you may temporarily be unable to close your eyes fully.
• Days 1–3: swelling and bruising are usually at their worst, more so on waking; swelling may temporarily narrow your field of vision.
• Days 5–7: suture removal visit (incisional method); bruising turns yellow-green and fades. Most people can go out with glasses or a mask and return to ordinary work after about 1–2 weeks.
• Weeks 2–4: most swelling has gone and the appearance becomes more natural; make-up over the wound can be resumed once the surgeon agrees.
• Months 3–6: the crease and eyelid thickness settle and the scar fades. Whether a revision is needed is normally assessed only at this point (at least 3–6 months after surgery).`,
      limitations: `• Double-eyelid surgery does not correct drooping caused by a weak lifting muscle (ptosis), a low brow, lower-eyelid bags or dark circles; these need separate assessment or surgery.
• The width of the crease is limited by your eyelid thickness, skin laxity, brow-to-eye distance and the shape of the eye; not every width is achievable. An overly wide design tends to look unnatural and is harder to correct.
• A crease made with the suture method may fade or disappear over time and need another operation; the incisional method lasts longer but still changes with ageing.
• If your eyes differ noticeably before surgery, some difference may remain; perfect symmetry cannot be guaranteed.
• Skin and fat that have been removed cannot be put back. Removing too much can cause a hollow upper eyelid or incomplete eye closure, so the surgeon plans conservatively.
• If a revision is needed, it normally has to wait until the tissue has settled (usually at least 3–6 months), and revision surgery is more difficult and less predictable than the first operation.`,
      risks: [
        { id: 'swelling_bruising', text: 'Swelling and bruising: happens to almost everyone, is worst in the first 3 days and mostly settles within 1–2 weeks (longer with the incisional method). Subtle swelling can last several months and make the crease temporarily look wider.', frequency: 'common', severity: 'mild' },
        { id: 'asymmetry', text: 'Asymmetry: the two creases differ in width or shape, or swell differently. Slight differences are common and mostly improve as swelling settles; if a clear difference remains after 3–6 months, revision surgery may be needed.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'fold_loss', text: 'Crease becoming shallow, disappearing or loosening: the fixing sutures loosen or the tissue does not adhere enough, so the crease becomes shallow, broken or returns to a single eyelid. This is more likely with the suture method and may need another operation.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'fold_too_high', text: 'Crease too high, too wide or unnatural: a crease that is too high, a sausage-like bulge of skin above the crease, multiple creases (a "triple eyelid") or a hollow. Some of this improves as swelling settles; clear cases need revision, and a crease that is too high is difficult to correct.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'lagophthalmos_dry_eye', text: 'Incomplete eye closure and dry eye: early swelling can stop the eyes from closing fully, causing dryness, grittiness, light sensitivity or watering. This usually improves within weeks, with artificial tears or eye ointment in the meantime. Very rarely, if too much skin was removed, it persists and needs treatment or surgery.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'haematoma', text: 'Haematoma or bleeding: continued bleeding or a collection of blood under the skin causing a marked increase in swelling and pain; you may need to return for compression or for the wound to be opened to remove the clot. The risk is higher with anticoagulant or antiplatelet medicines or high blood pressure.', frequency: 'rare', severity: 'moderate' },
        { id: 'retrobulbar_haemorrhage', text: 'Bleeding inside the eye socket affecting vision: if a deep vessel bleeds when orbital fat is removed, blood can press on the optic nerve, causing severe eye pain, a bulging hard eye, and blurred or lost vision. This is extremely rare but is an eye emergency needing immediate treatment; delay can cause permanent loss of vision.', frequency: 'very_rare', severity: 'severe' },
        { id: 'infection', text: 'Infection: increasing redness, swelling, warmth or pain of the wound, or pus; usually settles with antibiotics, and occasionally drainage or removal of sutures is needed.', frequency: 'rare', severity: 'moderate' },
        { id: 'scar_suture_problems', text: 'Scar and suture problems: incisional scars are usually fine and hidden in the crease, but a few become red and thickened, indented or pigmented. With the suture method a buried suture may become exposed or form a small cyst or granuloma that needs removal or treatment. The risk is higher in people prone to keloids.', frequency: 'uncommon', severity: 'mild' },
        { id: 'ptosis', text: 'Drooping eyelid (ptosis): the eyelid does not open fully or the eyes look different in size. Most cases are due to swelling and improve within weeks; if it persists because the lifting muscle was injured or the fixation is too tight, ptosis correction surgery may be needed.', frequency: 'rare', severity: 'moderate' },
        { id: 'local_anaesthetic_reaction', text: 'Reaction to local anaesthesia: during the injection you may feel dizzy, have palpitations, break into a cold sweat or have a brief change in blood pressure (usually a fainting-type reaction to anxiety or an effect of adrenaline), which passes with rest. A true allergy to, or toxicity from, the local anaesthetic is extremely rare.', frequency: 'rare', severity: 'moderate' },
      ],
      alternatives: [
        { id: 'no_treatment', text: 'No surgery: a single eyelid or a thick eyelid does not affect your health, and choosing not to have surgery is an entirely reasonable decision.' },
        { id: 'eyelid_tape', text: 'Eyelid tape or glue: no surgery and you can stop at any time, but the effect lasts only while it is used; long-term use can irritate the skin, causing redness and itching, or loosen the eyelid skin.' },
        { id: 'other_technique', text: 'The other surgical technique: the suture method has small wounds and a quick recovery but the crease is more likely to loosen; the incisional method deals with laxity and fat and lasts longer but swelling lasts longer and leaves a fine scar. The surgeon will explain why one is recommended, and you may ask to discuss the other.' },
        { id: 'ptosis_or_brow_surgery', text: 'Ptosis correction or brow lift: if tired-looking eyes or difficulty opening them come mainly from a weak lifting muscle or a low brow, these operations address the underlying cause better than a double-eyelid operation alone, but their extent and risks differ and need separate assessment.' },
      ],
      aftercare: `• For the first 48 hours, apply cold packs intermittently (10–15 minutes at a time, wrapped in clean gauze, without pressing on the eyeball); afterwards you may switch to warm compresses as the surgeon advises, to help bruising fade.
• Sleep with your head raised on extra pillows for the first few days, and avoid bending down and straining.
• Clean the wound with saline and apply ointment as instructed. Until the sutures are out, keep the wound dry, do not rub your eyes and do not pick off scabs.
• Do not wear eye make-up or contact lenses until at least 1 week after suture removal (glasses are fine); ask the surgeon when you can resume contact lenses.
• For 2 weeks avoid alcohol, saunas, hot springs, swimming and strenuous exercise. Smoking impairs wound healing; please avoid it.
• If your eyes feel dry, use preservative-free artificial tears; if your eyes do not close fully during sleep, apply eye ointment at night as the surgeon instructs.
• Take medicines as prescribed. For pain, use the medicine the surgeon prescribed and do not take aspirin on your own.
• Protect the scar from sun for 3–6 months; scar products may be used if the surgeon recommends them.
• Contact the clinic at once or go straight to an emergency department if you have severe eye pain, a bulging or hard eye, any blurred or lost vision, or swelling or bleeding on one side that is rapidly getting worse.
• If redness, swelling, warmth or pain keep increasing, or you have fever or pus, return to the clinic promptly.
• Attend your suture-removal and follow-up appointments. If you have concerns about the shape of the crease, discuss them with the surgeon; whether to revise is normally assessed only once the tissue has settled after 3–6 months.`,
      preOpInstructions: `• Tell us about every medicine and supplement you take, especially anticoagulants, aspirin or other antiplatelet medicines, anti-inflammatory painkillers (NSAIDs), fish oil, ginkgo and vitamin E. Do not stop prescription medicines on your own; discuss this with the doctor who prescribed them. Non-essential supplements can be paused about 1–2 weeks before surgery.
• Tell us about allergies (especially to anaesthetics, antibiotics and disinfectants), high blood pressure, diabetes, thyroid disease, bleeding disorders and a tendency to keloids, as well as dry eye, glaucoma, recent eye surgery (such as laser vision correction) and any previous eyelid surgery or injections.
• If you are taking oral isotretinoin, tell us; the surgeon will assess whether to postpone surgery.
• If you smoke, please stop at least 2–4 weeks before surgery and stay off cigarettes until the wound has healed.
• If you are pregnant, may be pregnant or are breastfeeding, tell us; surgery will be postponed.
• On the day of surgery, come without make-up, do not wear contact lenses, and wear clothing that opens at the front. You may eat a light meal beforehand unless the surgeon tells you otherwise.
• Your eyelids will be swollen and your vision affected after surgery; arrange for someone to take you home, and do not drive or ride a scooter yourself that day.
• If you have a wedding, photographs or travel coming up, allow at least a month after incisional surgery, and remember the crease takes 3–6 months to settle fully.`,
      contraindications: [
        { id: 'anticoagulant', text: 'Taking anticoagulants (such as warfarin or a direct oral anticoagulant): higher risk of bleeding, haematoma and bleeding in the eye socket. Never stop on your own; discuss with the prescribing doctor whether and how to pause it.', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: 'Taking aspirin, clopidogrel or other antiplatelet medicines: higher risk of bleeding and bruising. Do not stop a prescribed medicine on your own; discuss it with the prescribing doctor.', flaggedBy: ['antiplatelet'] },
        { id: 'smoking', text: 'Smoking: reduces blood flow to the wound and raises the risk of poor healing, infection and a more visible scar; stopping at least 2–4 weeks before surgery is advised.', flaggedBy: ['smoking'] },
        { id: 'keloid', text: 'Tendency to keloids or hypertrophic scars: higher risk of a thickened incisional scar; discuss the technique and scar care with the surgeon.', flaggedBy: ['keloid'] },
        { id: 'isotretinoin', text: 'Currently or recently taking oral isotretinoin: may affect wound healing and worsen dry eye; the surgeon will assess whether to postpone surgery.', flaggedBy: ['isotretinoin'] },
        { id: 'immunosuppression', text: 'Taking immunosuppressants or systemic steroids: the risk of infection and poor wound healing may be higher; the surgeon will assess the timing of surgery.', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'pregnancy', text: 'Pregnant or possibly pregnant: elective cosmetic surgery should be postponed until after delivery.', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: 'Breastfeeding: post-operative medicines may need adjusting; surgery is generally postponed until breastfeeding has stopped, or discussed with the surgeon first.', flaggedBy: ['breastfeeding'] },
        { id: 'eye_conditions', text: 'Significant dry eye, thyroid eye disease, glaucoma, recent eye surgery or eye infection: may raise the risk of incomplete closure and worse dry eye; an ophthalmology assessment or a stable condition is needed first.', flaggedBy: [] },
        { id: 'uncontrolled_disease', text: 'Uncontrolled high blood pressure, diabetes, bleeding disorder or other serious illness: must be controlled first, and the surgeon will assess whether surgery is suitable.', flaggedBy: [] },
        { id: 'minor', text: 'Under 18: a legal guardian must also consent, and the surgeon will assess especially carefully whether surgery is needed and when.', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_result_timeline',
          question: 'After incisional double-eyelid surgery, roughly how long does it take for the crease to settle close to its final result?',
          options: ['The final result is there on the day of surgery', 'About 3 days', 'About 3–6 months; before that swelling often makes it look wider and less natural', 'More than 5 years'],
          correctIndex: 2,
          topic: 'expected_result',
        },
        {
          id: 'q_severe_warning',
          question: 'After surgery you have severe eye pain, a bulging hard eye, blurred vision, or swelling on one side that is rapidly getting worse. What should you do?',
          options: ['Contact the clinic at once or go straight to an emergency department', 'Apply ice, sleep on it and see how it looks tomorrow', 'Mention it to the surgeon at the suture-removal visit', 'Massage firmly to push the swelling down'],
          correctIndex: 0,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: 'Which of the following about aftercare is correct?',
          options: ['You can wear contact lenses and eye make-up the next day', 'You can pick off the scabs yourself so it heals faster', 'You can go to a hot spring and drink alcohol on the second day', 'Use cold packs on and off for 48 hours, sleep with your head raised, and keep the wound dry and do not rub your eyes until the sutures are out'],
          correctIndex: 3,
          topic: 'aftercare',
        },
        {
          id: 'q_revision',
          question: 'Which of the following about the result and revision is correct?',
          options: ['Surgery guarantees perfect symmetry that will never change', 'Some difference between the sides may remain and the crease may fade or loosen; revision is sometimes needed and is usually assessed after 3–6 months', 'If you are unhappy, it can be redone straight away on the second day'],
          correctIndex: 1,
          topic: 'limitations',
        },
      ],
    },
  },
};
