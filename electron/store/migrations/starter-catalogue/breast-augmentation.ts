import type { StarterProcedure } from './types';

/** 隆乳手術（義乳植入） — starter explanation sheet (frozen with migration 0040). */
export const breastAugmentation: StarterProcedure = {
  code: 'breast_augmentation',
  nameZh: '隆乳手術（義乳植入）',
  nameEn: 'Breast augmentation with implants',
  category: 'surgical',
  anaesthesia: 'general',
  witnessRequired: true,
  coolingOffDays: 14,
  followUpPlan: [
    { id: 'd1_physician', dayOffset: 1, role: 'physician', method: 'phone', focus: '詢問傷口、疼痛與出血情形，特別確認有無單側乳房快速腫大變硬、發燒、胸痛或喘' },
    { id: 'd6_physician', dayOffset: 6, role: 'physician', method: 'visit', focus: '回診傷口檢查與拆線（或拔除引流管）：感染、血腫、兩側形狀與位置，確認支撐內衣穿著' },
    { id: 'd7_nurse', dayOffset: 7, role: 'nurse', method: 'phone_or_visit', focus: '恢復狀況與照護指導：手臂活動限制、內衣與束帶穿著、傷口照護與疼痛控制，回答照護問題' },
    { id: 'd30_consultant', dayOffset: 30, role: 'consultant', method: 'phone', focus: '了解外觀與原本期待是否相符，以及病人的心情；提醒形狀需 3–6 個月才穩定及日後定期影像追蹤' },
  ],
  templates: {
    'zh-TW': {
      title: '隆乳手術（義乳植入）說明書',
      purpose: `隆乳手術是在乳房組織或胸大肌後方放入義乳（乳房植入物），增加乳房的體積、改善兩側大小差異，或改善產後、減重後乳房體積流失的外觀。常用的義乳為矽膠（凝膠）義乳或生理食鹽水義乳，外殼有平滑與粗糙（紋理）等不同表面；義乳的種類、形狀、大小與放置層次，由醫師評估後與您討論，並記錄於手術同意書與植入物紀錄。

本手術屬於改善外觀的美容醫療，並非治療疾病所必需。是否接受手術、義乳的大小與種類，都由您在充分了解後決定；您可以隨時提出問題，也可以決定不做。`,
      howItIsDone: `1. 術前評估與設計：醫師會了解您的病史、用藥、懷孕與哺乳計畫及乳癌家族史，檢查胸廓形狀、乳房組織厚度、皮膚彈性、兩側差異與下垂程度，並安排乳房超音波或乳房攝影等術前檢查，排除需要先處理的乳房病灶。醫師會與您討論尺寸（可試戴模擬）、義乳種類與各自的優缺點，並拍攝術前照片。
2. 麻醉：本手術採全身麻醉，由麻醉專科醫師執行並全程監測生命徵象；麻醉的方式與風險，麻醉醫師會另外向您說明並請您簽署麻醉同意書。
3. 切口：常見切口位置為乳房下緣皺摺處、腋下或乳暈邊緣，各有不同的疤痕位置與優缺點，醫師會與您討論選擇。
4. 製作空間與放入義乳：在乳腺下方、胸大肌下方，或兩者合併（雙平面）製作放置義乳的空間，仔細止血後放入義乳，讓您在手術中以坐姿檢查兩側形狀與位置。
5. 縫合：分層縫合切口，部分情況會放置引流管數天，之後穿上支撐內衣或束帶。
6. 觀察：術後在恢復室觀察至清醒、生命徵象穩定並可下床；依情況當天出院或住院一晚。您會收到記載義乳廠牌、型號與序號的植入物卡，請妥善保存。

手術時間約 1–3 小時。出院時須由成人陪同，24 小時內不可開車、騎車、操作機械或簽署重要文件。`,
      expectedResult: `術後乳房體積會立即增加，但最初因為腫脹與肌肉緊繃，乳房位置通常偏高、偏硬、上半部較飽滿，看起來不太自然。

• 約 2–4 週大部分腫脹與瘀青消退。
• 約 3–6 個月義乳逐漸下降到預定位置、組織放鬆，形狀與觸感才接近最終結果。

乳房的最終外觀受您原本的胸廓形狀、乳房組織厚度、皮膚彈性與兩側差異影響；手術能帶來的是「改善」，不是「完美」：無法保證兩側完全對稱、特定罩杯或與參考照片一樣。切口會留下疤痕，通常在 6 個月至 1 年內逐漸淡化。隨著年齡、體重變化、懷孕與哺乳，乳房外觀日後仍會改變。`,
      recoveryTimeline: `• 手術當天至第 3 天：胸部緊繃、疼痛與腫脹最明顯，放在胸大肌下方者疼痛通常較明顯；手臂上舉、起身時不適。可能需要止痛藥，若有引流管需依指示紀錄引流量。
• 第 5–7 天：回診檢查傷口、拆線或拔除引流管；多數人可做輕度日常活動與非勞力工作。
• 第 2–6 週：腫脹逐漸消退；仍需避免提重物、手臂用力及劇烈運動，並依指示穿著支撐內衣或束帶。
• 第 6 週後：依醫師指示逐步恢復運動與一般活動。
• 第 3–6 個月：義乳位置與形狀逐漸穩定，乳頭與皮膚的感覺多會慢慢恢復；疤痕由紅轉淡。是否需要調整，一般在 6 個月後評估（血腫、感染等併發症則需立即處理）。`,
      limitations: `• 義乳不是終身使用的醫療器材。隨著時間，發生包膜攣縮、破裂或位置改變的機會增加，一生中很可能需要再次手術（修正、更換或取出）。
• 能放入的尺寸受胸廓寬度、乳房組織與皮膚可延展程度限制；選擇過大的義乳會增加摸得到、看得到波紋、下垂、位移與組織變薄的風險。
• 隆乳主要增加體積，無法矯正明顯的乳房下垂，也無法改變乳頭位置；下垂明顯者可能需要同時或另外進行提乳手術，疤痕較多。
• 原本兩側大小、形狀、乳頭位置或胸廓的差異，術後可能仍然存在，甚至更明顯。
• 義乳會遮蔽部分乳房組織，乳房攝影檢查需要特別的攝影技術，必要時需搭配超音波或磁振造影（MRI）；日後接受乳房檢查時，請務必告知檢查人員您有義乳。
• 多數人術後仍可哺乳，但部分人（特別是乳暈切口）的泌乳量或乳頭感覺可能受影響。
• 矽膠義乳破裂時常沒有症狀（無聲破裂），建議依醫師指示定期以超音波或 MRI 追蹤（一般在植入後約 5–6 年開始，之後每 2–3 年一次）。
• 修正手術通常比第一次手術困難，結果的不確定性較高，費用請事先了解。`,
      risks: [
        { id: 'haematoma', text: '血腫：術後乳房內出血積血，表現為單側乳房快速腫大、變硬、疼痛加劇或大片瘀青，多在術後 1–2 天內發生，常需要回手術室清除血塊與止血；血腫也會增加日後包膜攣縮的機會。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'infection', text: '感染：傷口或乳房紅、腫、熱、痛加劇、發燒、流膿。輕微感染可用抗生素治療，但義乳周圍的感染常需要取出義乳，待數個月後再評估是否重新放置。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'capsular_contracture', text: '包膜攣縮：身體在義乳周圍形成的包膜變厚、收縮，使乳房變硬、變形、位置上移或疼痛，可能在術後數月至數年發生，且隨年數增加而累積。明顯者需要手術切除包膜並更換義乳，術後仍可能復發。', frequency: 'common', severity: 'moderate' },
        { id: 'rupture_leak', text: '義乳破裂或滲漏：外殼可能因老化、外力或製造因素破損，風險隨植入年數增加。生理食鹽水義乳破裂時乳房會明顯變小；矽膠義乳破裂常沒有症狀，需要超音波或 MRI 才能發現，可能伴隨形狀改變、硬塊或疼痛，通常建議手術取出或更換。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'rippling_palpability', text: '波紋或摸得到義乳：乳房組織較薄、義乳較大或放在乳腺下方時，皮膚表面可能出現波浪狀紋路，或摸得到義乳邊緣；改善可能需要更換義乳、改變放置層次或合併脂肪移植。', frequency: 'uncommon', severity: 'mild' },
        { id: 'malposition', text: '義乳位移或形狀異常：義乳位置過高、過低、過於外側或兩側靠得太近，出現雙重下緣（雙泡）、胸肌用力時乳房變形，或兩側不對稱；明顯者需要修正手術。', frequency: 'uncommon', severity: 'moderate' },
        { id: 'nipple_sensation', text: '乳頭與乳房感覺改變：乳頭或乳房皮膚麻木、感覺降低或過度敏感，多數在數月內逐漸恢復，少數可能永久改變，並可能影響性感受或哺乳。', frequency: 'common', severity: 'moderate' },
        { id: 'future_surgery', text: '需要再次手術：因包膜攣縮、破裂、位移、外觀不滿意、尺寸改變的需求或其他併發症，許多人在植入後數年至十數年內需要再次手術（修正、更換或取出），再次手術的費用需要自行負擔。', frequency: 'common', severity: 'moderate' },
        { id: 'mammography_interference', text: '影響乳房影像檢查：義乳會遮蔽部分乳房組織，可能使乳房攝影較難看清病灶，需要特殊攝影技術或加做超音波、MRI；乳房攝影壓迫也有極小的機會造成義乳破損。', frequency: 'common', severity: 'mild' },
        { id: 'bia_alcl', text: '乳房植入物相關的間變性大細胞淋巴瘤（BIA-ALCL）：一種與義乳有關的罕見淋巴癌，多與粗糙（紋理）表面義乳有關，平滑表面義乳極少見。通常在植入後數年（平均約 8–10 年）出現，表現為單側乳房持續腫大、積液或硬塊。早期發現並手術取出義乳與完整包膜，預後多半良好；少數需要化學治療或放射治療。近年也有包膜周圍其他罕見癌症（如鱗狀細胞癌）的個案報告。', frequency: 'very_rare', severity: 'severe' },
        { id: 'systemic_symptoms', text: '全身性症狀（俗稱「義乳病」）：少數人表示植入後出現疲倦、關節痛、記憶力或專注力下降、皮疹等症狀，目前與義乳的因果關係及發生率尚不清楚；部分人取出義乳與包膜後症狀改善，但無法保證。', frequency: 'rare', severity: 'moderate' },
        { id: 'anaesthesia_risk', text: '全身麻醉與手術相關風險：喉嚨痛、聲音沙啞、噁心嘔吐、頭暈較常見且短暫；深部靜脈血栓、肺栓塞、氣胸、嚴重過敏、吸入性肺炎、心肌梗塞或中風等嚴重併發症極罕見，但可能危及生命。麻醉醫師會另外說明並評估您的個別風險。', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: '不接受手術：乳房的大小與形狀並不影響健康，選擇不手術是完全合理的決定。' },
        { id: 'fat_grafting', text: '自體脂肪移植隆乳：抽取您身上的脂肪注入乳房，觸感自然且沒有義乳相關問題，但每次能增加的體積有限，脂肪存活率不易預測，常需多次手術，可能形成鈣化或油囊而影響乳房影像判讀，且需要有足夠的脂肪可抽取。' },
        { id: 'padded_bra', text: '隆乳內衣或胸墊：不需手術、沒有風險、可隨時改變，但效果只在穿著時存在。' },
        { id: 'mastopexy', text: '提乳手術（可單獨或合併義乳）：若主要問題是乳房下垂而非體積不足，提乳手術較能改善形狀與乳頭位置，但疤痕較多，需要另外評估。' },
      ],
      aftercare: `• 依醫師指示持續穿著支撐內衣或束帶約 4–6 週（一般需避免有鋼圈的內衣），並仰睡，避免趴睡壓迫乳房。
• 術後 4–6 週內避免提重物（例如超過數公斤的物品或抱小孩）、手臂用力推拉、手臂反覆高舉過肩與劇烈運動，之後依醫師指示逐步恢復；但應適度活動雙腿並下床走動，以降低血栓風險。
• 若有引流管，請依指示記錄引流量並保持清潔；引流液突然變成大量鮮紅色請立即聯絡本院。
• 傷口依指示換藥；拆線前保持乾燥，4 週內避免泡澡、泡溫泉、游泳與三溫暖。
• 依醫囑服用止痛藥與抗生素；不要自行服用阿斯匹靈或其他止痛消炎藥，除非醫師同意。吸菸會影響傷口癒合並增加感染風險，請避免。
• 是否需要按摩乳房依義乳種類與醫師指示而定，請勿自行用力按摩或擠壓。
• 疤痕在 6–12 個月內避免日曬，可依醫師建議使用除疤產品。
• 下列情形請立即聯絡本院或前往急診：單側乳房快速腫大、變硬或疼痛加劇、發燒、傷口流膿、突然胸痛或呼吸困難、單側小腿腫痛。
• 長期追蹤：請保存植入物卡，每年自我檢查並定期回診；依醫師指示定期接受超音波或 MRI 檢查；接受乳房檢查時告知有義乳。術後任何時候（包括多年後）若出現乳房持續腫大、積液、新的硬塊、形狀改變或疼痛，請儘早回診評估。`,
      preOpInstructions: `• 請告知所有正在使用的藥物與保健食品，特別是抗凝血劑、阿斯匹靈或其他抗血小板藥、止痛消炎藥（NSAIDs）、魚油、銀杏、維生素 E、口服避孕藥或荷爾蒙藥物（可能增加血栓風險），以及減重用的 GLP-1 類藥物（如 semaglutide，可能增加麻醉時嘔吐吸入的風險，需依醫師指示提前暫停）。處方藥請勿自行停用，需與開藥醫師討論。
• 請告知過敏史、心肺疾病、高血壓、糖尿病、凝血異常、血栓病史、自體免疫疾病、蟹足腫體質、乳房疾病或手術史、乳癌家族史，以及未來的懷孕與哺乳計畫。
• 請依指示完成術前檢查，包括抽血、心電圖及乳房超音波或乳房攝影；如有乳房硬塊或異常，需先完成診斷。
• 吸菸者請於術前至少 4 週戒菸，並持續至傷口癒合。
• 懷孕、可能懷孕或正在哺乳，請告知，手術將延後；一般建議停止哺乳後至少數個月、乳房大小穩定後再評估。
• 全身麻醉前需禁食：一般為術前 8 小時起不吃固體食物，並依醫療團隊指示時間停止飲水；請確實遵守，這是為了降低嘔吐吸入肺部的風險。
• 手術當天請沐浴清潔、不要擦乳液或除臭劑，不要戴首飾及隱形眼鏡，穿著前開式衣物；請準備合適的支撐內衣。
• 請安排成人陪同返家並在術後第一晚陪伴；24 小時內不可開車、騎車、操作機械或簽署重要文件。
• 請預留至少 1–2 週的休養時間，並安排術後數週內有人協助提重物或照顧幼兒。`,
      contraindications: [
        { id: 'pregnancy', text: '懷孕中或可能懷孕：選擇性美容手術與全身麻醉應延後；懷孕期間乳房大小也在變化，無法準確評估。', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: '哺乳中：乳房大小與組織仍在變化，感染風險也較高，一般建議停止哺乳後至少數個月、乳房穩定後再手術。', flaggedBy: ['breastfeeding'] },
        { id: 'anticoagulant', text: '服用抗凝血劑（如 warfarin 或新型口服抗凝血劑）：出血與血腫風險增加，血腫也會提高包膜攣縮機會；切勿自行停藥，需與開藥醫師討論。', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: '服用阿斯匹靈、clopidogrel 等抗血小板藥物：出血與血腫風險增加；處方藥請勿自行停用，需與開藥醫師討論。', flaggedBy: ['antiplatelet'] },
        { id: 'smoking', text: '吸菸：增加麻醉、血栓、感染、傷口癒合不良與包膜攣縮的風險；建議術前至少 4 週戒菸並持續至癒合。', flaggedBy: ['smoking'] },
        { id: 'immunosuppression', text: '使用免疫抑制劑或全身性類固醇：義乳感染與傷口癒合不良的風險增加，需由醫師評估是否適合植入義乳及手術時機。', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'keloid', text: '蟹足腫或增生性疤痕體質：切口疤痕增生的風險較高，需與醫師討論切口位置與疤痕照護。', flaggedBy: ['keloid'] },
        { id: 'breast_disease', text: '尚未診斷清楚的乳房硬塊、影像檢查異常、正在治療的乳癌或癌前病變：需先完成診斷與治療，並由醫師評估是否適合植入義乳。', flaggedBy: [] },
        { id: 'active_infection', text: '身體任何部位有活動性感染（包括皮膚、泌尿道或牙齒感染）：可能增加義乳感染風險，需待痊癒後再手術。', flaggedBy: [] },
        { id: 'thrombosis_history', text: '曾有深部靜脈血栓或肺栓塞、凝血傾向或使用荷爾蒙藥物：血栓風險較高，需先由醫師評估並可能需要預防措施。', flaggedBy: [] },
        { id: 'uncontrolled_disease', text: '未控制的心臟病、肺病、高血壓、糖尿病、自體免疫疾病或凝血功能異常：需先控制穩定，並由醫師評估是否適合全身麻醉與植入手術。', flaggedBy: [] },
        { id: 'minor', text: '未滿 18 歲：需法定代理人共同同意；乳房可能仍在發育，醫師會特別審慎評估，一般不建議進行美容目的的隆乳手術。', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_result_timeline',
          question: '關於隆乳手術後的外觀，下列何者正確？',
          options: ['手術完當天的形狀就是最終結果', '初期乳房通常偏高、偏硬，約 3–6 個月義乳下降、組織放鬆後才接近最終形狀，且無法保證兩側完全對稱', '手術可以保證達到指定的罩杯與參考照片的樣子', '隆乳可以同時矯正明顯的乳房下垂'],
          correctIndex: 1,
          topic: 'expected_result',
        },
        {
          id: 'q_late_swelling',
          question: '植入義乳數年後，若發現單側乳房持續腫大、積液或出現新的硬塊，應該怎麼做？',
          options: ['這是正常老化，不用理會', '自己用力按摩讓積液消退', '儘早回診評估，可能需要超音波、抽液檢查以排除 BIA-ALCL 等問題', '等到下一次換義乳時再說'],
          correctIndex: 2,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: '關於術後照護，下列何者正確？',
          options: ['依指示穿著支撐內衣，4–6 週內避免提重物、手臂用力與劇烈運動，但仍應下床走動', '術後隔天就可以上健身房做胸部重量訓練', '術後一週都應該躺在床上完全不動', '應該趴睡，讓義乳固定得比較好'],
          correctIndex: 0,
          topic: 'aftercare',
        },
        {
          id: 'q_lifetime',
          question: '關於義乳的長期狀況，下列敘述何者正確？',
          options: ['義乳保證終身不需要任何處理', '義乳破裂時一定會有明顯症狀，所以不需要定期檢查', '放了義乳就不能再做任何乳房檢查', '義乳不是終身使用的器材，日後很可能因攣縮、破裂或其他原因需要再次手術，且應定期以影像追蹤'],
          correctIndex: 3,
          topic: 'limitations',
        },
      ],
    },
    en: {
      title: 'Breast augmentation with implants: explanation sheet',
      purpose: `Breast augmentation places breast implants behind the breast tissue or the pectoralis major muscle to increase breast volume, reduce a difference in size between the breasts, or restore volume lost after pregnancy or weight loss. Commonly used implants are silicone (gel) or saline implants, with shells of different surfaces such as smooth or textured. The surgeon will assess you and discuss the type, shape, size and placement of the implants with you; these are recorded on the surgical consent form and the implant record.

This is a cosmetic procedure to change appearance; it is not needed to treat a disease. Whether to have surgery, and the size and type of implant, are your decisions, made once you fully understand them. You may ask questions at any time, and you may decide not to go ahead.`,
      howItIsDone: `1. Assessment and design: the surgeon asks about your medical history, medicines, plans for pregnancy and breastfeeding, and any family history of breast cancer; examines the shape of your chest wall, the thickness of your breast tissue, skin elasticity, differences between the sides and the degree of sagging; and arranges pre-operative breast ultrasound or mammography to rule out breast lesions that must be dealt with first. The surgeon discusses size (sizers can be tried on), the types of implant and their advantages and drawbacks with you, and takes pre-operative photographs.
2. Anaesthesia: the operation is done under general anaesthesia given by a specialist anaesthesiologist, who monitors your vital signs throughout. The anaesthesiologist will explain the method and its risks separately and ask you to sign an anaesthesia consent form.
3. Incision: the usual sites are the fold under the breast, the armpit or the edge of the areola. Each leaves a scar in a different place and has its own advantages and drawbacks; the surgeon will discuss the choice with you.
4. Creating the pocket and placing the implant: a pocket is created under the breast tissue, under the pectoralis major muscle, or a combination of both (dual plane). After careful control of bleeding the implant is inserted, and the shape and position of both sides are checked with you sitting up during the operation.
5. Closure: the incision is closed in layers; in some cases drains are left for a few days. A support bra or band is then put on.
6. Observation: you are observed in the recovery room until you are awake, your vital signs are stable and you can get up; depending on your condition you go home the same day or stay overnight. You will receive an implant card recording the manufacturer, model and serial numbers of your implants; please keep it safe.

The operation takes about 1–3 hours. An adult must accompany you when you leave, and for 24 hours you must not drive, ride a scooter, operate machinery or sign important documents.`,
      expectedResult: `Breast volume increases immediately, but at first swelling and muscle tightness usually make the breasts sit high, feel firm and look fuller in the upper part, so they do not look very natural.

• Most swelling and bruising settle in about 2–4 weeks.
• Over about 3–6 months the implants gradually settle into their intended position and the tissues relax; only then do the shape and feel approach the final result.

The final appearance depends on the shape of your chest wall, the thickness of your breast tissue, your skin elasticity and existing differences between the sides. Surgery offers improvement, not perfection: perfect symmetry, a particular cup size or a match to a reference photograph cannot be guaranteed. The incisions leave scars, which usually fade over 6 months to a year. The appearance of your breasts will continue to change with age, weight change, pregnancy and breastfeeding.`,
      recoveryTimeline: `• Day of surgery to day 3: chest tightness, pain and swelling are at their worst, usually more so when the implant is under the muscle; raising your arms and getting up are uncomfortable. You may need painkillers; if you have drains, record the drainage as instructed.
• Days 5–7: visit for wound check and removal of sutures or drains; most people can manage light daily activities and non-manual work.
• Weeks 2–6: swelling gradually settles; you still need to avoid heavy lifting, forceful arm use and strenuous exercise, and to wear the support bra or band as instructed.
• After week 6: exercise and ordinary activities are resumed gradually as the surgeon advises.
• Months 3–6: the position and shape of the implants settle, sensation of the nipples and skin mostly recovers slowly, and the scars fade from red. Whether an adjustment is needed is normally assessed after 6 months (complications such as haematoma or infection need immediate attention).`,
      limitations: `• Breast implants are not lifetime devices. Over time the chance of capsular contracture, rupture or a change in position increases, and you will quite likely need another operation (revision, replacement or removal) at some point in your life.
• The size that can be placed is limited by the width of your chest and how far your breast tissue and skin can stretch. Choosing implants that are too large increases the risk of palpable implants, visible rippling, sagging, displacement and thinning of the tissues.
• Augmentation mainly adds volume; it cannot correct marked sagging or change the position of the nipples. Marked sagging may need a breast lift at the same time or separately, with more scarring.
• Existing differences in breast size, shape, nipple position or chest wall may remain after surgery, or even become more noticeable.
• Implants hide part of the breast tissue; mammography needs special techniques and may need to be supplemented with ultrasound or magnetic resonance imaging (MRI). Always tell the staff that you have implants when you have breast examinations in future.
• Most women can still breastfeed after surgery, but in some (particularly with an areolar incision) milk supply or nipple sensation may be affected.
• A ruptured silicone implant often causes no symptoms (silent rupture); regular ultrasound or MRI follow-up is recommended as the surgeon advises (usually starting about 5–6 years after implantation, then every 2–3 years).
• Revision surgery is usually more difficult than the first operation and its result less certain; please find out about its cost in advance.`,
      risks: [
        { id: 'haematoma', text: 'Haematoma: bleeding into the breast after surgery, causing one breast to swell quickly, harden, become more painful or develop extensive bruising, usually within 1–2 days of surgery. A return to theatre to remove the clot and stop the bleeding is often needed; a haematoma also raises the later chance of capsular contracture.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'infection', text: 'Infection: increasing redness, swelling, warmth or pain of the wound or breast, fever, or pus. Mild infection can be treated with antibiotics, but infection around an implant often requires removing the implant, with replacement considered only months later.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'capsular_contracture', text: 'Capsular contracture: the capsule the body forms around the implant thickens and tightens, making the breast hard, misshapen, high-riding or painful. It may occur months to years after surgery and the risk accumulates over time. Marked cases need surgery to remove the capsule and replace the implant, and it can recur afterwards.', frequency: 'common', severity: 'moderate' },
        { id: 'rupture_leak', text: 'Implant rupture or leakage: the shell may fail through ageing, external force or manufacturing factors, and the risk rises with years of implantation. A ruptured saline implant makes the breast visibly smaller; a ruptured silicone implant often causes no symptoms and is found only on ultrasound or MRI, sometimes with a change in shape, lumps or pain. Surgical removal or replacement is usually recommended.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'rippling_palpability', text: 'Rippling or palpable implants: when breast tissue is thin, the implant is large or it is placed under the breast tissue, the skin may show wave-like ripples or the edge of the implant may be felt. Improvement may require changing the implant or its placement, or adding fat grafting.', frequency: 'uncommon', severity: 'mild' },
        { id: 'malposition', text: 'Implant malposition or abnormal shape: the implant sits too high, too low, too far to the side, or the two implants are too close together, giving a double fold under the breast ("double bubble"), distortion when the chest muscle contracts, or asymmetry. Marked cases need revision surgery.', frequency: 'uncommon', severity: 'moderate' },
        { id: 'nipple_sensation', text: 'Changed nipple and breast sensation: numbness, reduced sensation or over-sensitivity of the nipples or breast skin, mostly recovering over months; in a few women the change is permanent and may affect sexual sensation or breastfeeding.', frequency: 'common', severity: 'moderate' },
        { id: 'future_surgery', text: 'Need for further surgery: because of capsular contracture, rupture, displacement, dissatisfaction with appearance, a wish to change size or other complications, many women need another operation (revision, replacement or removal) within several to many years of implantation, at their own expense.', frequency: 'common', severity: 'moderate' },
        { id: 'mammography_interference', text: 'Interference with breast imaging: implants hide part of the breast tissue and may make lesions harder to see on mammography, so special techniques or additional ultrasound or MRI are needed; compression during mammography also carries a very small chance of damaging the implant.', frequency: 'common', severity: 'mild' },
        { id: 'bia_alcl', text: 'Breast implant-associated anaplastic large cell lymphoma (BIA-ALCL): a rare lymphoma linked to breast implants, mostly with textured implants and very uncommon with smooth ones. It usually appears years after implantation (on average about 8–10 years) as persistent swelling, fluid or a lump in one breast. When found early and treated by removing the implant and the entire capsule, the outlook is usually good; a few patients need chemotherapy or radiotherapy. Other rare cancers around the capsule (such as squamous cell carcinoma) have also been reported in recent years.', frequency: 'very_rare', severity: 'severe' },
        { id: 'systemic_symptoms', text: 'Systemic symptoms (so-called "breast implant illness"): some women report fatigue, joint pain, poorer memory or concentration, or rashes after implantation. Whether implants cause these symptoms, and how often they occur, is not yet known; some women improve after removal of the implants and capsules, but this cannot be guaranteed.', frequency: 'rare', severity: 'moderate' },
        { id: 'anaesthesia_risk', text: 'Risks of general anaesthesia and surgery: sore throat, hoarseness, nausea and vomiting, and dizziness are fairly common and brief. Serious complications such as deep-vein thrombosis, pulmonary embolism, pneumothorax, severe allergy, aspiration pneumonia, heart attack or stroke are extremely rare but can be life-threatening. The anaesthesiologist will explain these separately and assess your individual risk.', frequency: 'very_rare', severity: 'severe' },
      ],
      alternatives: [
        { id: 'no_treatment', text: 'No surgery: the size and shape of your breasts do not affect your health, and choosing not to have surgery is an entirely reasonable decision.' },
        { id: 'fat_grafting', text: 'Fat-grafting breast augmentation: your own fat is harvested and injected into the breasts. It feels natural and avoids implant-related problems, but the volume gained each time is limited, fat survival is unpredictable, several operations are often needed, calcification or oil cysts may complicate breast imaging, and you need enough fat to harvest.' },
        { id: 'padded_bra', text: 'Padded bras or inserts: no surgery, no risk, and can be changed at any time, but the effect exists only while they are worn.' },
        { id: 'mastopexy', text: 'Breast lift (mastopexy), alone or with implants: if the main issue is sagging rather than lack of volume, a breast lift better improves shape and nipple position, but leaves more scars and needs separate assessment.' },
      ],
      aftercare: `• Wear the support bra or band for about 4–6 weeks as instructed (underwired bras are generally avoided), and sleep on your back rather than on your front.
• For 4–6 weeks avoid heavy lifting (for example items over a few kilograms or carrying children), forceful pushing or pulling with your arms, repeatedly raising your arms above your shoulders, and strenuous exercise, then resume gradually as the surgeon advises. Do keep your legs moving and walk about to lower the risk of clots.
• If you have drains, record the drainage and keep them clean as instructed; if the fluid suddenly becomes large amounts of bright-red blood, contact the clinic at once.
• Change dressings as instructed; keep the wounds dry until the sutures are out, and avoid baths, hot springs, swimming and saunas for 4 weeks.
• Take painkillers and antibiotics as prescribed; do not take aspirin or other anti-inflammatory painkillers on your own unless the surgeon agrees. Smoking impairs wound healing and increases infection risk; please avoid it.
• Whether breast massage is needed depends on the type of implant and the surgeon's instructions; do not massage or squeeze forcefully on your own.
• Protect the scars from sun for 6–12 months; scar products may be used if the surgeon recommends them.
• Contact the clinic at once or go to an emergency department if one breast swells quickly, hardens or becomes increasingly painful, or if you have fever, pus from a wound, sudden chest pain or difficulty breathing, or a swollen painful calf on one side.
• Long-term follow-up: keep your implant card, examine your breasts yourself every year and attend regular check-ups; have ultrasound or MRI scans as the surgeon advises; tell the staff you have implants at breast examinations. At any time after surgery, including many years later, if a breast has persistent swelling, fluid, a new lump, a change in shape or pain, come back early for assessment.`,
      preOpInstructions: `• Tell us about every medicine and supplement you take, especially anticoagulants, aspirin or other antiplatelet medicines, anti-inflammatory painkillers (NSAIDs), fish oil, ginkgo, vitamin E, oral contraceptives or hormone medicines (which may increase the risk of clots), and GLP-1 weight-loss medicines (such as semaglutide, which may increase the risk of inhaling vomit under anaesthesia and need to be paused in advance as instructed). Do not stop prescription medicines on your own; discuss this with the doctor who prescribed them.
• Tell us about allergies, heart or lung disease, high blood pressure, diabetes, bleeding disorders, a history of blood clots, autoimmune disease, a tendency to keloids, breast disease or surgery, a family history of breast cancer, and your plans for future pregnancy and breastfeeding.
• Complete the pre-operative tests as instructed, including blood tests, an ECG and breast ultrasound or mammography; any breast lump or abnormality must be diagnosed first.
• If you smoke, please stop at least 4 weeks before surgery and stay off cigarettes until the wounds have healed.
• If you are pregnant, may be pregnant or are breastfeeding, tell us; surgery will be postponed. It is generally advised to wait at least several months after stopping breastfeeding, until breast size is stable.
• You must fast before general anaesthesia: usually no solid food from 8 hours before surgery, and stop drinking at the time the team tells you. Please follow this strictly; it reduces the risk of vomit entering the lungs.
• On the day of surgery, shower, do not apply body lotion or deodorant, do not wear jewellery or contact lenses, and wear clothing that opens at the front. Have a suitable support bra ready.
• Arrange for an adult to take you home and stay with you the first night; for 24 hours do not drive, ride a scooter, operate machinery or sign important documents.
• Allow at least 1–2 weeks to recover, and arrange help with lifting or looking after young children for the first few weeks.`,
      contraindications: [
        { id: 'pregnancy', text: 'Pregnant or possibly pregnant: elective cosmetic surgery and general anaesthesia should be postponed; breast size is also changing during pregnancy and cannot be assessed accurately.', flaggedBy: ['pregnancy'] },
        { id: 'breastfeeding', text: 'Breastfeeding: breast size and tissue are still changing and the infection risk is higher; surgery is generally postponed until at least several months after breastfeeding has stopped and the breasts are stable.', flaggedBy: ['breastfeeding'] },
        { id: 'anticoagulant', text: 'Taking anticoagulants (such as warfarin or a direct oral anticoagulant): higher risk of bleeding and haematoma, and a haematoma raises the chance of capsular contracture. Never stop on your own; discuss it with the prescribing doctor.', flaggedBy: ['anticoagulant'] },
        { id: 'antiplatelet', text: 'Taking aspirin, clopidogrel or other antiplatelet medicines: higher risk of bleeding and haematoma. Do not stop a prescribed medicine on your own; discuss it with the prescribing doctor.', flaggedBy: ['antiplatelet'] },
        { id: 'smoking', text: 'Smoking: increases the risks of anaesthesia, clots, infection, poor wound healing and capsular contracture; stopping at least 4 weeks before surgery and until healed is advised.', flaggedBy: ['smoking'] },
        { id: 'immunosuppression', text: 'Taking immunosuppressants or systemic steroids: higher risk of implant infection and poor wound healing; the surgeon will assess whether implants are suitable and when to operate.', flaggedBy: ['immunosuppressant', 'systemic_steroid'] },
        { id: 'keloid', text: 'Tendency to keloids or hypertrophic scars: higher risk of thickened incision scars; discuss the incision site and scar care with the surgeon.', flaggedBy: ['keloid'] },
        { id: 'breast_disease', text: 'An undiagnosed breast lump, abnormal imaging, or breast cancer or a pre-cancerous condition under treatment: diagnosis and treatment must be completed first, and the surgeon will assess whether implants are suitable.', flaggedBy: [] },
        { id: 'active_infection', text: 'An active infection anywhere in the body (including skin, urinary or dental infection): may raise the risk of implant infection; surgery should wait until it has cleared.', flaggedBy: [] },
        { id: 'thrombosis_history', text: 'Previous deep-vein thrombosis or pulmonary embolism, a clotting tendency or hormone medicines: higher clot risk; a doctor must assess this first, and preventive measures may be needed.', flaggedBy: [] },
        { id: 'uncontrolled_disease', text: 'Uncontrolled heart or lung disease, high blood pressure, diabetes, autoimmune disease or bleeding disorder: must be controlled first, and a doctor will assess whether general anaesthesia and implant surgery are suitable.', flaggedBy: [] },
        { id: 'minor', text: 'Under 18: a legal guardian must also consent; the breasts may still be developing, and the surgeon will assess especially carefully and generally advises against cosmetic breast augmentation.', flaggedBy: ['minor'] },
      ],
      comprehensionQuestions: [
        {
          id: 'q_result_timeline',
          question: 'Which of the following about appearance after breast augmentation is correct?',
          options: ['The shape on the day of surgery is the final result', 'At first the breasts usually sit high and feel firm; the shape approaches the final result after about 3–6 months as the implants settle and tissues relax, and perfect symmetry cannot be guaranteed', 'Surgery guarantees a chosen cup size and a match to a reference photograph', 'Augmentation also corrects marked sagging'],
          correctIndex: 1,
          topic: 'expected_result',
        },
        {
          id: 'q_late_swelling',
          question: 'Several years after implantation, you notice persistent swelling, fluid or a new lump in one breast. What should you do?',
          options: ['This is normal ageing and can be ignored', 'Massage firmly to make the fluid go away', 'Come back early for assessment; ultrasound and testing of the fluid may be needed to rule out BIA-ALCL and other problems', 'Wait until the implants are next replaced'],
          correctIndex: 2,
          topic: 'risks',
        },
        {
          id: 'q_aftercare',
          question: 'Which of the following about aftercare is correct?',
          options: ['Wear the support bra as instructed and avoid heavy lifting, forceful arm use and strenuous exercise for 4–6 weeks, but still get up and walk about', 'You can go to the gym for chest weight training the day after surgery', 'Stay in bed without moving at all for a week after surgery', 'Sleep on your front so that the implants settle better'],
          correctIndex: 0,
          topic: 'aftercare',
        },
        {
          id: 'q_lifetime',
          question: 'Which statement about the long-term course of breast implants is correct?',
          options: ['Implants are guaranteed never to need any attention for life', 'A ruptured implant always causes obvious symptoms, so regular checks are unnecessary', 'Once you have implants you can no longer have any breast examinations', 'Implants are not lifetime devices; further surgery will quite likely be needed because of contracture, rupture or other reasons, and regular imaging follow-up is advised'],
          correctIndex: 3,
          topic: 'limitations',
        },
      ],
    },
  },
};
