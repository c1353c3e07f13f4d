"""The golden corpus of tests/test_corpus.py: a dozen short articles written for the tests."""

ARTICLES = [
    {
        "id": "herald-01",
        "outlet": "Herald",
        "date": "2024-03-04",
        "text": 'Russian President Vladimir Putin defended the Baltic pipeline on Monday. "We will not let the pipeline project fail, whatever the pressure from Washington and Brussels," Putin told reporters in Moscow.\n\nHe said that the first gas would flow in the autumn. A senior official said the talks with Berlin had stalled.',
    },
    {
        "id": "herald-02",
        "outlet": "Herald",
        "date": "2024-03-05",
        "text": 'Mr. Putin met energy ministers in Sochi on Tuesday. "We will not let the pipeline project fail, whatever the pressure from Washington," Mr. Putin said.\n\nAn official said the meeting lasted three hours.',
    },
    {
        "id": "herald-03",
        "outlet": "Herald",
        "date": "2024-03-06",
        "text": 'Former President Bill Clinton spoke at a fundraiser in Denver on Wednesday. "The economy is stronger than the headlines suggest," Bill Clinton said.\n\nMr. Clinton said that he would campaign in Ohio next month.',
    },
    {
        "id": "courier-01",
        "outlet": "Courier",
        "date": "2024-03-05",
        "text": 'President Putin addressed the pipeline dispute in a televised interview. "We will not let the pipeline project fail - whatever the pressure from Washington and Brussels!" President Putin said.\n\nA government official said the interview was recorded on Sunday.',
    },
    {
        "id": "courier-02",
        "outlet": "Courier",
        "date": "2024-03-07",
        "text": 'Hillary Clinton visited a school in Detroit on Thursday. "Every child deserves a teacher who has time for them," Hillary Clinton said.\n\nShe said that the state should hire more teachers. Mrs. Clinton added that she would return in May.',
    },
    {
        "id": "courier-03",
        "outlet": "Courier",
        "date": "2024-03-08",
        "text": 'Mayor Elena Marsh opened the new bridge on Friday. "This bridge will carry forty thousand people a day," Elena Marsh said.\n\nShe said that the work had cost less than planned. A city official said the old bridge would close in June.',
    },
    {
        "id": "gazette-01",
        "outlet": "Gazette",
        "date": "2024-03-03",
        "text": 'Vladimir Putin spoke about energy exports on Sunday. "We will not let the gas pipeline project fail, whatever the pressure from Washington and Brussels," Vladimir Putin said.\n\nHe said that prices would fall next year.',
    },
    {
        "id": "gazette-02",
        "outlet": "Gazette",
        "date": "2024-03-06",
        "text": 'Putin spoke to factory workers in Kazan on Wednesday. "[Russia] will not let the pipeline project fail, whatever the pressure from Washington and Brussels," Putin said.\n\nA regional official said the factory would hire two hundred workers.',
    },
    {
        "id": "gazette-03",
        "outlet": "Gazette",
        "date": "2024-03-09",
        "text": 'Vladimir Putin spoke about sanctions on Saturday. "We will not let the sanctions decide our energy policy, whatever they say in Brussels," Vladimir Putin said.\n\nHe said that the economy had adapted.',
    },
    {
        "id": "tribune-01",
        "outlet": "Tribune",
        "date": "2024-03-07",
        "text": 'Clinton spoke at a rally in Ohio on Thursday. "Working families need a raise this year," Clinton said.\n\nA campaign official said the rally drew five thousand people.',
    },
    {
        "id": "tribune-02",
        "outlet": "Tribune",
        "date": "2024-03-08",
        "text": 'Mayor Elena Marsh announced a new tram line on Friday. "The tram will reach the airport by next winter," Elena Marsh said.\n\nMs. Marsh said that the city would pay for half of it. She said the tickets would be cheap.',
    },
    {
        "id": "tribune-03",
        "outlet": "Tribune",
        "date": "2024-03-09",
        "text": 'The storm closed three roads on Saturday. "We have never seen water this high," he said.\n\nAn official said the roads would reopen on Monday.',
    },
]
