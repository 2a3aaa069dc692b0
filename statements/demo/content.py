"""Demo content for `manage.py seed_demo`: statements in both languages and in one, a draft, one in review and a
scheduled one."""

TAGS = [
    # (slug, Arabic name, English name)
    ("daesh", "داعش", "Daesh"),
    ("internet", "الإنترنت", "Internet"),
    ("extremist-groups", "الجماعات المتطرفة", "Extremist groups"),
    ("human-fraternity", "الأخوة الإنسانية", "Human Fraternity"),
    ("coexistence", "التعايش", "Coexistence"),
    ("islamophobia", "الإسلاموفوبيا", "Islamophobia"),
    ("europe", "أوروبا", "Europe"),
    ("africa", "أفريقيا", "Africa"),
    ("women", "المرأة", "Women"),
    ("youth", "الشباب", "Youth"),
    ("boko-haram", "بوكو حرام", "Boko Haram"),
    ("identity", "الهوية", ""),
    ("fatwas", "الفتاوى", "Fatwas"),
]

STATEMENTS = [
    {
        "key": "daesh-apps-2018",
        "image": {
            "picture": (1, (18, 52, 86), (92, 140, 170), (230, 190, 90)),
            "alt_ar": "رسم تجريدي بألوان زرقاء تتخلله دوائر ذهبية ومستطيل أبيض",
            "alt_en": "An abstract drawing in blues with golden circles and a white rectangle",
            "caption_ar": "صورة توضيحية",
            "caption_en": "Illustration",
            "credit": "Observatory demo",
            "focus": (72, 50),
        },
        "published_on": "2018-04-29",
        "title_ar": '"مرصد الأزهر" يعرب عن تقديره للحملة التي شنتها أجهزة أمنية "متعددة الجنسيات" ضد أذرع "داعش" الإعلامية',
        "summary_ar": "المرصد يشيد بحملة أمنية دولية على المنصات الإعلامية لتنظيم داعش ويدعو إلى تعاون أوسع لتجفيف منابع الدعاية المتطرفة على الإنترنت.",
        "body_ar": (
            '<p>في إطار متابعة مرصد الأزهر لمكافحة التطرف لآخر المستجدات على الساحة المحلية والعالمية؛ أورد موقع صحيفة "الإندبندنت" البريطانية خبرًا يفيد بأن الآلة الإعلامية لـ "داعش" تعرضت لضربة قوية على يد حملة سيبرانية غير مسبوقة متعددة الجنسيات.</p>'
            '<p>وتعمل الأجهزة الأمنية في الوقت الحالي على تحديد هُوِيَّة مسئولي "داعش" على مواقع التواصل الاجتماعي ومواقع الإنترنت، والمسئولين عن تطرف الأفراد في أوروبا وغيرها مع استعادة البيانات.</p>'
            '<p>ويؤكِّد "المرصد" في الوقت ذاته، أهمية توسيع مقاومة التطرف ومحاصرته في الفضاء الإلكتروني، وبذل المزيد من الجهد على طريق التعاون ليشمل جميع مواقع التواصل الاجتماعي.</p>'
        ),
        "title_en": "Al-Azhar Observatory welcomes the multinational campaign against Daesh's media arms",
        "summary_en": "The Observatory praises an international security campaign against Daesh's media platforms and calls for wider cooperation against extremist propaganda online.",
        "body_en": (
            "<p>Following the latest developments at home and abroad, Al-Azhar Observatory for Combating Extremism noted a report in The Independent that Daesh's media machine has suffered a heavy blow from an unprecedented multinational cyber campaign.</p>"
            "<p>Security services are now working to identify those responsible for Daesh's presence on social networks and websites, and those behind the radicalisation of individuals in Europe and elsewhere.</p>"
            "<p>The Observatory stresses the importance of confronting extremism online, and of extending cooperation to every social network.</p>"
        ),
        "tags": ["daesh", "internet", "extremist-groups", "europe"],
        "sources": [
            {
                "url": "https://www.independent.co.uk/news/world/europe/isis-propaganda-amaq-news-agency-police-operation-europol-a8322836.html",
                "title": "Isis propaganda machine hit by unprecedented multinational cyber operation",
                "publisher": "The Independent",
                "published_on": "2018-04-27",
            }
        ],
    },
    {
        "key": "human-fraternity-2019",
        "image": {
            "picture": (2, (120, 60, 30), (240, 200, 150), (255, 255, 255)),
            "alt_ar": "رسم تجريدي بألوان دافئة تتخلله دوائر بيضاء",
            "alt_en": "An abstract drawing in warm colours with white circles",
            "caption_ar": "صورة توضيحية",
            "caption_en": "",
            "credit": "",
            "focus": (50, 50),
        },
        "published_on": "2019-02-04",
        "title_ar": "مرصد الأزهر يشيد بوثيقة الأخوة الإنسانية",
        "summary_ar": "المرصد يرى في وثيقة الأخوة الإنسانية علامة فارقة في نشر قيم التعايش.",
        "body_ar": (
            "<p>أشاد مرصد الأزهر لمكافحة التطرف بوثيقة الأخوة الإنسانية الموقعة في أبو ظبي، واصفًا إياها بأنها علامة فارقة في جهود نشر قيم التعايش.</p>"
            "<p>وقال المرصد إن الوثيقة تمنح القادة الدينيين أساسًا مشتركًا لمواجهة الخطاب المتطرف بكل أشكاله.</p>"
        ),
        "title_en": "Al-Azhar Observatory praises the Document on Human Fraternity",
        "summary_en": "The Observatory calls the Document on Human Fraternity a milestone for coexistence.",
        "body_en": (
            "<p>Al-Azhar Observatory for Combating Extremism praised the Document on Human Fraternity signed in Abu Dhabi, describing it as a milestone in the effort to spread the values of coexistence.</p>"
            "<p>The Observatory said the document gives religious leaders a shared basis for confronting extremist discourse of every kind.</p>"
        ),
        "tags": ["human-fraternity", "coexistence"],
        "sources": [],
    },
    {
        "key": "boko-haram-schoolgirls-2018",
        "published_on": "2018-02-26",
        "title_ar": "المرصد يدين اختطاف بوكو حرام لطالبات في نيجيريا",
        "summary_ar": "إدانة لاختطاف عشرات الطالبات من مدرسة في ولاية يوبي، ودعوة لحماية حق الفتيات في التعليم.",
        "body_ar": (
            "<p>يدين مرصد الأزهر لمكافحة التطرف بأشد العبارات قيام جماعة بوكو حرام الإرهابية باختطاف عشرات الطالبات من مدرستهن في ولاية يوبي شمال شرقي نيجيريا.</p>"
            "<p>ويؤكد المرصد أن استهداف الفتيات وحرمانهن من التعليم يناقض تعاليم الإسلام الذي جعل طلب العلم فريضة على كل مسلم ومسلمة.</p>"
        ),
        "title_en": "Observatory condemns Boko Haram's abduction of schoolgirls in Nigeria",
        "summary_en": "A condemnation of the abduction of dozens of schoolgirls in Yobe State, and a call to protect girls' right to education.",
        "body_en": (
            "<p>Al-Azhar Observatory for Combating Extremism condemns in the strongest terms the abduction by the terrorist group Boko Haram of dozens of schoolgirls from their school in Yobe State, north-eastern Nigeria.</p>"
            "<p>Targeting girls and denying them education contradicts the teachings of Islam, which made seeking knowledge a duty for every Muslim man and woman.</p>"
        ),
        "tags": ["boko-haram", "africa", "women", "extremist-groups"],
        "sources": [
            {
                "url": "https://www.bbc.com/news/world-africa-43170221",
                "title": "Nigeria Dapchi abductions: Schoolgirls finally home",
                "publisher": "BBC News",
            }
        ],
    },
    {
        "key": "identity-youth-ar-only",
        "image": {
            "picture": (3, (30, 90, 60), (170, 210, 160), (250, 240, 200)),
            "alt_ar": "رسم تجريدي بألوان خضراء تتخلله دوائر فاتحة",
            "alt_en": "",
            "caption_ar": "الشباب والهوية",
            "caption_en": "",
            "credit": "",
            "focus": (72, 55),
            "format": "PNG",
        },
        "published_on": "2020-10-12",
        "title_ar": "الهُوِيَّة والانتماء: كيف يستغل المتطرفون أزمة الشباب؟",
        "summary_ar": "قراءة في أساليب الجماعات المتطرفة في استقطاب الشباب عبر خطاب الهوية.",
        "body_ar": (
            "<p>تستغل الجماعات المتطرفة شعور بعض الشباب بالاغتراب وفقدان الانتماء، فتقدّم لهم هُوِيَّة بديلة قائمة على الإقصاء والعنف.</p>"
            "<p>ويرى المرصد أن تحصين الشباب يبدأ من الأسرة والمدرسة، ومن خطاب ديني رشيد يربط الهوية بقيم الرحمة والتعايش.</p>"
        ),
        "tags": ["identity", "youth", "extremist-groups"],
        "sources": [],
    },
    {
        "key": "islamophobia-en-only",
        "image": {
            "picture": (4, (60, 40, 90), (190, 170, 220), (255, 220, 120)),
            "alt_ar": "",
            "alt_en": "An abstract drawing in violet with yellow circles",
            "caption_ar": "",
            "caption_en": "Remembrance",
            "credit": "Observatory demo",
            "focus": (72, 50),
        },
        "published_on": "2021-03-15",
        "title_en": "Two years after Christchurch: Islamophobia remains a shared threat",
        "summary_en": "On the anniversary of the Christchurch attacks, the Observatory warns that hate speech online still feeds violence.",
        "body_en": (
            "<p>Two years after the attacks on two mosques in Christchurch, New Zealand, Al-Azhar Observatory warns that anti-Muslim hatred online continues to inspire violence.</p>"
            "<p>The Observatory calls on platforms and governments to treat Islamophobic incitement with the same seriousness as other forms of extremist propaganda.</p>"
        ),
        "tags": ["islamophobia", "internet", "europe"],
        "sources": [
            {
                "url": "https://www.theguardian.com/world/christchurch-shooting",
                "title": "Christchurch shooting",
                "publisher": "The Guardian",
            }
        ],
    },
    {
        "key": "fatwa-chaos-2022",
        "published_on": "2022-06-05",
        "title_ar": "فوضى الفتاوى على مواقع التواصل: تحذير من مرصد الأزهر",
        "summary_ar": "المرصد يحذر من الفتاوى المجهولة المصدر المنتشرة على مواقع التواصل الاجتماعي.",
        "body_ar": (
            "<p>حذّر مرصد الأزهر من انتشار فتاوى مجهولة المصدر على مواقع التواصل الاجتماعي، يستغلها المتطرفون لتبرير العنف.</p>"
            "<p>ودعا المرصد إلى الرجوع إلى المؤسسات الدينية المعتمدة، مؤكدًا أن الفتوى مسئولية لا يتصدى لها إلا أهل الاختصاص.</p>"
        ),
        "title_en": "Fatwa chaos on social media: a warning from Al-Azhar Observatory",
        "summary_en": "The Observatory warns against fatwas of unknown origin circulating on social networks.",
        "body_en": (
            "<p>Al-Azhar Observatory warned against fatwas of unknown origin spreading on social networks, which extremists exploit to justify violence.</p>"
            "<p>The Observatory urged readers to turn to recognised religious institutions: issuing fatwas is a responsibility for qualified scholars only.</p>"
        ),
        "tags": ["fatwas", "internet", "youth"],
        "sources": [],
    },
    {
        "key": "women-sahel-2023",
        "published_on": "2023-03-08",
        "title_ar": "في اليوم العالمي للمرأة: المرصد يرصد معاناة النساء في مناطق سيطرة الإرهاب",
        "summary_ar": "تقرير عن أوضاع النساء في منطقة الساحل الأفريقي تحت تهديد الجماعات المسلحة.",
        "body_ar": (
            "<p>بمناسبة اليوم العالمي للمرأة، يسلط مرصد الأزهر الضوء على معاناة النساء في مناطق الساحل الأفريقي التي تنشط فيها الجماعات الإرهابية.</p>"
            "<p>ويؤكد المرصد أن تمكين المرأة وتعليمها من أقوى أسلحة المجتمعات في مواجهة الفكر المتطرف.</p>"
        ),
        "title_en": "On International Women's Day, the Observatory documents the suffering of women under terrorist control",
        "summary_en": "A report on women in the African Sahel under the threat of armed groups.",
        "body_en": (
            "<p>On International Women's Day, Al-Azhar Observatory sheds light on the suffering of women in the parts of the African Sahel where terrorist groups are active.</p>"
            "<p>Empowering and educating women is among the strongest defences a society has against extremist thought.</p>"
        ),
        "tags": ["women", "africa", "extremist-groups"],
        "sources": [],
    },
    {
        "key": "draft-coexistence",
        "status": "draft",
        "published_on": "2026-11-20",
        "title_ar": "مسودة: مبادرة جديدة لتعزيز التعايش بين الشباب",
        "body_ar": "<p>نص أولي قيد المراجعة، لا يُنشر قبل موافقة الناشر.</p>",
        "tags": ["coexistence", "youth"],
        "sources": [],
    },
    {
        "key": "review-online-recruitment",
        "status": "review",
        "published_on": "2026-11-25",
        "title_ar": "المرصد يرصد أساليب جديدة لتجنيد الشباب عبر الألعاب الإلكترونية",
        "body_ar": (
            "<p>رصد مرصد الأزهر لمكافحة التطرف لجوء جماعات متطرفة إلى غرف الدردشة في الألعاب الإلكترونية "
            "للتواصل مع المراهقين واستدراجهم.</p>"
            "<p>ويدعو المرصد الأسر إلى متابعة أبنائها والحديث معهم عمّا يصادفونه على الإنترنت.</p>"
        ),
        "title_en": "Observatory tracks new ways of recruiting young people through online games",
        "body_en": (
            "<p>Al-Azhar Observatory for Combating Extremism has found extremist groups using the chat rooms "
            "of online games to reach and lure teenagers.</p>"
            "<p>The Observatory urges families to follow their children and talk with them about what they "
            "meet online.</p>"
        ),
        "tags": ["youth", "internet", "extremist-groups"],
        "sources": [],
    },
    {
        "key": "scheduled-annual-report",
        "status": "published",
        "publish_at_days": 30,
        "published_on": "2026-12-29",
        "title_ar": "التقرير السنوي لمرصد الأزهر لمكافحة التطرف",
        "body_ar": "<p>يصدر التقرير السنوي للمرصد في موعده المحدد.</p>",
        "title_en": "Al-Azhar Observatory annual report",
        "body_en": "<p>The Observatory's annual report is released on its scheduled date.</p>",
        "tags": ["extremist-groups"],
        "sources": [],
    },
]
