

def test_names_are_joined_for_the_language():
    from desktop_app.domain.models import join_names

    assert join_names(["发改委", "", "生态环境局"], "zh") == "发改委、生态环境局"
    assert join_names(["Development and Reform Commission", "Bureau of Ecology, Jiading"], "en") \
        == "Development and Reform Commission; Bureau of Ecology, Jiading"
    assert join_names(iter(()), "en") == ""
